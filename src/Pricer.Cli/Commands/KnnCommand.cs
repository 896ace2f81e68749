using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Knn;

namespace Pricer.Cli.Commands;

public static class KnnCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set to price (validation and test) from its training items", Required = true };
        var k = new Option<int>("--k") { Description = "Neighbours per item", DefaultValueFactory = _ => 5 };
        var json = GlobalOptions.Json();
        var command = new Command("knn", "Embed what is not embedded yet, price by the k nearest training items, store the run and print its metrics") { dataset, k, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(k) < 1) return CliExit.Failure("--k must be at least 1.");
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            PricerRun run;
            try
            {
                var datasetId = (await services.GetRequiredService<SplitItems>().DatasetAsync(parse.GetValue(dataset)!, cancellationToken)).Id;
                var last = DateTime.MinValue;
                run = await services.GetRequiredService<KnnRunner>().RunAsync(datasetId, parse.GetValue(k), Environment.UserName,
                    new InlineReport<StageProgress>(p =>
                    {
                        if (DateTime.UtcNow - last < TimeSpan.FromSeconds(2) && p.Fraction < 1) return;
                        last = DateTime.UtcNow;
                        Console.Error.WriteLine($"{p.Fraction:P0} {p.Message}");
                    }), cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                return CliExit.Failure(e.Message);
            }

            var configuration = KnnConfiguration.TryParse(run.Configuration)!;
            var result = await services.GetRequiredService<RunEvaluator>().EvaluateAsync(run.Id, ReportDefinition.Course2024, cancellationToken);
            var m = result.Metrics;
            Console.WriteLine($"run {run.Id} {run.Name}, {configuration.Weighting}: {result.ScatterTitle}");
            if (parse.GetValue(json))
                JsonOutput.Write(new
                {
                    run = run.Id, name = run.Name, k = configuration.K, weighting = configuration.Weighting?.ToString(), report = ReportDefinition.Course2024.Key,
                    n = m.Count, error = m.Error, rmsle = m.Rmsle, hits = m.HitsPercent, validation_error = configuration.ValidationError,
                });
            return 0;
        });
        return command;
    }
}
