using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;
using Pricer.Core.Pricers.Csv;

namespace Pricer.Data.Runs;

/// <summary>
/// Stores a predictions file as a run. Every row must match an item of the data set: rows that match
/// none are reported and nothing is stored, so a run never silently covers fewer items than its file.
/// </summary>
public sealed class PredictionImporter(IDbContextFactory<PricerDbContext> contexts, RunStore runs, TimeProvider clock)
{
    public async Task<PricerRun> ImportAsync(Stream csv, string fileName, PredictionImportRequest request, CancellationToken cancellationToken)
    {
        var file = PredictionCsvReader.Read(csv, fileName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == request.Dataset, cancellationToken)
            ?? throw new PredictionFileException(fileName, [$"there is no data set named '{request.Dataset}'"]);

        var itemIds = await MatchAsync(db, dataset.Id, request.Split, file, cancellationToken);
        var unmatched = file.Rows.Where(r => !itemIds.ContainsKey(r.Key)).ToList();
        if (unmatched.Count > 0)
        {
            throw new PredictionFileException(fileName,
                [.. unmatched.Take(20).Select(r => $"line {r.Line}: no item in '{dataset.Name}' ({request.Split.ToName()}) matches {Shorten(r.Key)}"),
                 .. unmatched.Count > 20 ? new[] { $"... and {unmatched.Count - 20} more unmatched rows" } : []]);
        }

        var doubles = file.Rows.GroupBy(r => itemIds[r.Key]).FirstOrDefault(g => g.Count() > 1);
        if (doubles != null)
            throw new PredictionFileException(fileName, [$"lines {string.Join(", ", doubles.Select(r => r.Line))} name the same item"]);

        var now = clock.GetUtcNow().UtcDateTime;
        var run = new PricerRun
        {
            DatasetId = dataset.Id,
            Kind = request.Kind,
            Name = request.RunName,
            Configuration = System.Text.Json.JsonSerializer.Serialize(new { source = fileName, keys = file.KeyKind.ToString(), split = request.Split.ToName() }),
            StartedBy = request.StartedBy,
            StartedAtUtc = now,
            FinishedAtUtc = now,
            CodeVersion = CodeVersion.Current,
        };
        var predictions = file.Rows.Select(r => new Prediction { ItemId = itemIds[r.Key], Guess = r.Guess }).ToList();
        return await runs.AddCompletedAsync(run, predictions, cancellationToken);
    }

    private static async Task<Dictionary<string, long>> MatchAsync(PricerDbContext db, int datasetId, Split split, PredictionFile file, CancellationToken cancellationToken)
    {
        var items = db.Items.AsNoTracking().Where(i => i.DatasetId == datasetId);
        switch (file.KeyKind)
        {
            case PredictionKeyKind.ItemId:
                var ids = new Dictionary<string, long>(StringComparer.Ordinal);
                foreach (var chunk in file.Rows.Select(r => r.Key).Chunk(500))
                {
                    foreach (var match in await items.Where(i => chunk.Contains(i.ExternalId)).Select(i => new { i.ExternalId, i.Id }).ToListAsync(cancellationToken))
                        ids[match.ExternalId] = match.Id;
                }
                return ids;
            case PredictionKeyKind.Index:
                var positions = await items.Where(i => i.Split == split).Select(i => new { i.Position, i.Id }).ToDictionaryAsync(i => i.Position, i => i.Id, cancellationToken);
                return file.Rows.Where(r => positions.ContainsKey(int.Parse(r.Key)))
                    .ToDictionary(r => r.Key, r => positions[int.Parse(r.Key)], StringComparer.Ordinal);
            default:
                var byText = new Dictionary<string, long>(StringComparer.Ordinal);
                await foreach (var item in items.Where(i => i.Split == split).OrderBy(i => i.Position).Select(i => new { i.Text, i.Id }).AsAsyncEnumerable().WithCancellation(cancellationToken))
                    byText.TryAdd(ItemTextKey.Of(item.Text), item.Id);
                return file.Rows.Where(r => byText.ContainsKey(ItemTextKey.Of(r.Key)))
                    .ToDictionary(r => r.Key, r => byText[ItemTextKey.Of(r.Key)], StringComparer.Ordinal);
        }
    }

    private static string Shorten(string key)
    {
        var oneLine = key.ReplaceLineEndings(" ");
        return oneLine.Length <= 60 ? $"'{oneLine}'" : $"'{oneLine[..57]}...'";
    }
}
