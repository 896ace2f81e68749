using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Datasets;
using Pricer.Data.Items;
using Pricer.Data.Runs;

namespace PricerWeb.Tests.Compare;

/// <summary>Seeds data sets and runs straight through EF and the run store, as the importer and the runners would leave them.</summary>
internal sealed class RunSeeder(IServiceProvider services)
{
    private static readonly DateTime Start = new(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
    private int _runs;

    public async Task DatasetAsync(string name, params TestItem[] items)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        var dataset = new Dataset
        {
            Name = name, Source = "fixture", ImportedAt = DateTimeOffset.UtcNow,
            TrainCount = items.Count(i => i.Split == Pricer.Core.Items.Split.Train),
            ValidationCount = items.Count(i => i.Split == Pricer.Core.Items.Split.Validation),
            TestCount = items.Count(i => i.Split == Pricer.Core.Items.Split.Test),
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        foreach (var split in items.GroupBy(i => i.Split))
        {
            db.Items.AddRange(split.Select((item, position) => new ItemRecord
            {
                DatasetId = dataset.Id, ExternalId = item.Id, Split = item.Split, Position = position,
                Title = item.Title ?? $"Item {item.Id}", Category = item.Category, Price = item.Price,
                Text = $"Item {item.Id}, a thing for testing", Details = "", Source = "fixture",
            }));
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A finished run with one prediction per named item; each run starts a minute after the one before.</summary>
    public async Task<PricerRun> RunAsync(
        string dataset, string name, IReadOnlyDictionary<string, double> guesses, RunKind kind = RunKind.Baseline,
        string startedBy = "ann", double costUsd = 0, double seconds = 2)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        var datasetId = await db.Datasets.Where(d => d.Name == dataset).Select(d => d.Id).SingleAsync();
        var rowIds = await db.Items.Where(i => i.DatasetId == datasetId).ToDictionaryAsync(i => i.ExternalId, i => i.Id);
        var started = Start.AddMinutes(_runs++);
        var run = new PricerRun
        {
            DatasetId = datasetId, Kind = kind, Name = name, StartedBy = startedBy, StartedAtUtc = started,
            FinishedAtUtc = started.AddSeconds(seconds), CodeVersion = "test", CostUsd = costUsd,
        };
        var predictions = guesses.Select(g => new Prediction { ItemId = rowIds[g.Key], Guess = g.Value }).ToList();
        return await services.GetRequiredService<RunStore>().AddCompletedAsync(run, predictions, CancellationToken.None);
    }
}
