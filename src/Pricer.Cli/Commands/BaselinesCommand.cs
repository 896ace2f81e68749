using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Core.Pricers.Baselines;
using Pricer.Data.Runs;

namespace Pricer.Cli.Commands;

public static class BaselinesCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set to train on (train split) and score", Required = true };
        var only = new Option<string[]>("--only") { Description = "Baselines to run (default: all): " + string.Join(", ", BaselineCatalog.All.Select(b => b.Name)), AllowMultipleArgumentsPerToken = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var json = GlobalOptions.Json();
        var command = new Command("baselines", "Train the course's baselines, store each as a run and print their metrics") { dataset, only, seed, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IReadOnlyList<IBaselineTrainer> trainers;
            try
            {
                var names = parse.GetValue(only);
                trainers = names is { Length: > 0 } ? names.SelectMany(n => n.Split(',')).Select(BaselineCatalog.Find).ToList() : BaselineCatalog.All;
            }
            catch (ArgumentException e)
            {
                return CliExit.Failure(e.Message);
            }

            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            IReadOnlyList<PricerRun> runs;
            try
            {
                runs = await services.GetRequiredService<BaselineRunner>().RunAsync(
                    parse.GetValue(dataset)!, trainers, new BaselineOptions { Seed = parse.GetValue(seed) }, Environment.UserName,
                    new Progress<string>(Console.Error.WriteLine), cancellationToken);
            }
            catch (KeyNotFoundException e)
            {
                return CliExit.Failure(e.Message);
            }

            var evaluator = services.GetRequiredService<RunEvaluator>();
            var rows = new List<object>();
            foreach (var run in runs)
            {
                var result = await evaluator.EvaluateAsync(run.Id, ReportDefinition.Course2024, cancellationToken);
                var m = result.Metrics;
                Console.WriteLine($"run {run.Id,-5} {result.ScatterTitle}  ({run.DurationSeconds:F1} s)");
                rows.Add(new { run = run.Id, name = run.Name, report = ReportDefinition.Course2024.Key, n = m.Count, error = m.Error, rmsle = m.Rmsle, hits = m.HitsPercent, mse = m.Mse, r2 = m.R2Percent });
            }
            if (parse.GetValue(json)) JsonOutput.Write(new { dataset = parse.GetValue(dataset), runs = rows });
            return 0;
        });
        return command;
    }
}
