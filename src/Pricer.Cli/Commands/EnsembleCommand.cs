using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Data.Items;
using Pricer.Data.Runs;
using Pricer.Data.Runs.Ensembles;

namespace Pricer.Cli.Commands;

public static class EnsembleCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set the runs belong to", Required = true };
        var runs = new Option<string>("--runs") { Description = "Run ids to combine, comma-separated (at least two)", Required = true };
        var json = GlobalOptions.Json();
        var command = new Command("ensemble", "Fit non-negative weights for runs on their validation predictions and store the weighted ensemble as a run") { dataset, runs, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var ids = new List<int>();
            foreach (var part in parse.GetValue(runs)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!int.TryParse(part, out var id) || id < 1) return CliExit.Failure($"--runs: '{part}' is not a run id.");
                ids.Add(id);
            }
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            PricerRun run;
            try
            {
                var datasetId = (await services.GetRequiredService<SplitItems>().DatasetAsync(parse.GetValue(dataset)!, cancellationToken)).Id;
                run = await services.GetRequiredService<EnsembleRunner>().FitAsync(datasetId, ids, Environment.UserName, cancellationToken);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
            {
                return CliExit.Failure(e.Message);
            }

            var configuration = EnsembleConfiguration.TryParse(run.Configuration)!;
            foreach (var member in configuration.Members) Console.WriteLine($"  {member.Weight,8:0.0000}  run {member.RunId} {member.Name}");
            var result = await services.GetRequiredService<RunEvaluator>().EvaluateAsync(run.Id, ReportDefinition.Course2024, cancellationToken);
            var m = result.Metrics;
            Console.WriteLine($"run {run.Id} fitted on {configuration.FittedOn:N0} validation items: {result.ScatterTitle}");
            if (parse.GetValue(json))
                JsonOutput.Write(new
                {
                    run = run.Id, name = run.Name, report = ReportDefinition.Course2024.Key, n = m.Count, error = m.Error, rmsle = m.Rmsle, hits = m.HitsPercent,
                    fitted_on = configuration.FittedOn, validation_error = configuration.ValidationError,
                    weights = configuration.Members.Select(x => new { run = x.RunId, name = x.Name, weight = x.Weight }),
                });
            return 0;
        });
        return command;
    }
}
