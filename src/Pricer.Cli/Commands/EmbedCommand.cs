using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Data.Embeddings;
using Pricer.Data.Items;

namespace Pricer.Cli.Commands;

public static class EmbedCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set whose items to embed (those not embedded yet)", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("embed", "Embed a data set's items with all-MiniLM-L6-v2 and store the vectors; stopped, it goes on where it stopped") { dataset, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            int datasetId;
            try
            {
                datasetId = (await services.GetRequiredService<SplitItems>().DatasetAsync(parse.GetValue(dataset)!, cancellationToken)).Id;
            }
            catch (KeyNotFoundException e)
            {
                return CliExit.Failure(e.Message);
            }
            var embedder = services.GetRequiredService<DatasetEmbedder>();
            var last = DateTime.MinValue;
            var result = await embedder.EmbedAsync(datasetId, new InlineReport<EmbeddingProgress>(p =>
            {
                if (DateTime.UtcNow - last < TimeSpan.FromSeconds(2) && p.Embedded < p.Total) return;
                last = DateTime.UtcNow;
                Console.Error.WriteLine(p);
            }), cancellationToken);
            Console.WriteLine($"{parse.GetValue(dataset)}: {result.Embedded:N0} of {result.Total:N0} items embedded with {embedder.Model} ({result.AddedThisRun:N0} new, {result.ItemsPerSecond:0.0} items/s)");
            if (parse.GetValue(json))
                JsonOutput.Write(new { dataset = parse.GetValue(dataset), model = embedder.Model, embedded = result.Embedded, total = result.Total, added = result.AddedThisRun, items_per_second = result.ItemsPerSecond });
            return 0;
        });
        return command;
    }
}
