using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Core.Pricers.Csv;
using Pricer.Data.Runs;

namespace Pricer.Cli.Commands;

public static class EvaluateCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set the predictions are for", Required = true };
        var predictions = new Option<FileInfo>("--predictions") { Description = "CSV: item_id,guess or index,guess, or the course's human sheet", Required = true };
        var report = new Option<string>("--report") { Description = "course2024 | course2025 | test | validation", DefaultValueFactory = _ => ReportDefinition.Course2024.Key };
        var name = new Option<string?>("--name") { Description = "Run name (default: the file's name)" };
        var json = GlobalOptions.Json();
        var command = new Command("evaluate", "Store a predictions file as a run and print its metrics") { dataset, predictions, report, name, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ReportDefinition.TryFind(parse.GetValue(report), out var chosen))
                return CliExit.Failure($"Unknown report '{parse.GetValue(report)}': use {string.Join(", ", ReportDefinition.All.Select(r => r.Key))}.");
            var file = parse.GetValue(predictions)!;
            if (!file.Exists) return CliExit.Failure($"No such file: {file.FullName}");
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            PricerRun run;
            try
            {
                await using var stream = file.OpenRead();
                var request = new PredictionImportRequest(parse.GetValue(dataset)!, parse.GetValue(name) ?? Path.GetFileNameWithoutExtension(file.Name), Environment.UserName, chosen.Split);
                run = await services.GetRequiredService<PredictionImporter>().ImportAsync(stream, file.Name, request, cancellationToken);
            }
            catch (PredictionFileException e)
            {
                return CliExit.Failure(string.Join(Environment.NewLine, e.Problems.Prepend($"{file.Name}: nothing was stored.")));
            }

            var result = await services.GetRequiredService<RunEvaluator>().EvaluateAsync(run.Id, chosen, cancellationToken);
            var m = result.Metrics;
            Console.WriteLine($"run {run.Id} \"{run.Name}\" on {chosen.Name} (n={m.Count}): {result.ScatterTitle}; MSE={MetricFormat.Mse(m.Mse)} R²={MetricFormat.Percent(m.R2Percent)}");
            if (result.CoverageNote is { } note) Console.Error.WriteLine(note);
            if (parse.GetValue(json))
                JsonOutput.Write(new { run = run.Id, report = chosen.Key, n = m.Count, error = m.Error, rmsle = m.Rmsle, hits = m.HitsPercent, mse = m.Mse, r2 = m.R2Percent });
            return 0;
        });
        return command;
    }
}
