using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Cli.Hosting;
using Pricer.Data;

namespace Pricer.Cli.Commands;

public static class DatasetsCommand
{
    public static Command Create()
    {
        var json = GlobalOptions.Json();
        var command = new Command("datasets", "List the imported data sets") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            await using var db = await services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync(cancellationToken);
            var datasets = (await db.Datasets.AsNoTracking().ToListAsync(cancellationToken)).OrderBy(d => d.Name).ToList();
            foreach (var d in datasets)
                Console.WriteLine($"{d.Name,-30} train {d.TrainCount,8:N0}  validation {d.ValidationCount,7:N0}  test {d.TestCount,7:N0}  from {d.Source}");
            if (datasets.Count == 0) Console.WriteLine("No data sets yet: pricer import SOURCE --name NAME");
            if (parse.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    datasets = datasets.Select(d => new
                    {
                        name = d.Name, source = d.Source, imported_at = d.ImportedAt,
                        train = d.TrainCount, validation = d.ValidationCount, test = d.TestCount, skipped = d.SkippedCount,
                    }),
                });
            }
            return 0;
        });
        return command;
    }
}
