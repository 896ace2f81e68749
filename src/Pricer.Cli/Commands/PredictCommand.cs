using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Training;
using Pricer.Data.Training;

namespace Pricer.Cli.Commands;

public static class PredictCommand
{
    public static Command Create()
    {
        var run = new Option<int>("--run") { Description = "A neural-network run whose saved model prices the items", Required = true };
        var input = new Option<FileInfo>("--in") { Description = "Items file (.jsonl, .jsonl.gz, .csv or .parquet)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "CSV to write: item_id,guess", Required = true };
        var command = new Command("predict", "Price the items of a file with a trained run's model") { run, input, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (items, problems) = await ItemsFile.ReadAsync(parse.GetValue(input)!, cancellationToken);
            if (problems.Count > 0) return CliExit.Failure(string.Join(Environment.NewLine, problems));
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            var folder = services.GetRequiredService<NetworkRunner>().ModelFolder(parse.GetValue(run));
            if (!File.Exists(Path.Combine(folder, TrainedNetwork.DescriptionFile)))
                return CliExit.Failure($"Run {parse.GetValue(run)} has no saved model (looked in {folder}); only neural-network runs trained here have one.");

            using var pricer = PriceNetworkPredictor.Load(folder);
            var guesses = pricer.PriceAll(items);
            var target = parse.GetValue(output)!;
            var temporary = target.FullName + ".tmp";
            await using (var writer = new StreamWriter(temporary))
            {
                await writer.WriteLineAsync("item_id,guess");
                for (var i = 0; i < items.Count; i++)
                    await writer.WriteLineAsync($"{Csv(items[i].Id)},{guesses[i].ToString("0.##", CultureInfo.InvariantCulture)}");
            }
            File.Move(temporary, target.FullName, overwrite: true);
            Console.Error.WriteLine($"priced {items.Count:N0} items into {target.Name}");
            return 0;
        });
        return command;
    }

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
