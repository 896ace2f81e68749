using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;

namespace Pricer.Data.Items.Browsing;

/// <summary>
/// Computes a data set's statistics in SQL over the covering price indexes, so that 800,000 prices are counted
/// and ranked by SQLite rather than loaded.
/// </summary>
public sealed class ItemStatisticsReader(IDbContextFactory<PricerDbContext> contexts)
{
    /// <param name="split">Restricts everything but <see cref="ItemStatistics.SplitCounts"/> to one split.</param>
    public async Task<ItemStatistics> GetStatisticsAsync(int datasetId, Split? split, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        var splitCounts = new Dictionary<Split, int>
        {
            [Split.Train] = dataset?.TrainCount ?? 0,
            [Split.Validation] = dataset?.ValidationCount ?? 0,
            [Split.Test] = dataset?.TestCount ?? 0,
        };
        var query = new Query(db, ItemSelection.For(new ItemFilter(datasetId, split)), cancellationToken);

        // One pass over the (DatasetId[, Split], Category, Price) index counts the categories and sums the prices.
        var categorySql = $"SELECT i.Category, COUNT(*) AS Count, SUM(i.Price) AS Total {query.Selection.FromWhere} GROUP BY i.Category";
        var categories = await db.Database.SqlQueryRaw<CategoryTotal>(categorySql, query.Selection.Parameters()).ToListAsync(cancellationToken);
        var count = categories.Sum(c => c.Count);
        var categoryCounts = categories.OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal)
            .Select(c => new CategoryCount(c.Category, c.Count)).ToList();
        var prices = count == 0 ? null : await SummarizePricesAsync(query, count, categories.Sum(c => c.Total) / count);
        return new ItemStatistics(count, splitCounts, categoryCounts, prices);
    }

    private static async Task<PriceSummary> SummarizePricesAsync(Query query, int count, double mean)
    {
        var (min, max) = await query.ExtremesAsync();
        double[] fractions = [0.05, 0.25, 0.50, 0.75, 0.95];
        var percentiles = await query.PercentilesAsync(count, fractions);
        HistogramScale[] scales = [HistogramScale.Linear(min, max), HistogramScale.Logarithmic(min, max)];
        var histograms = await query.HistogramsAsync(scales);
        return new PriceSummary(
            mean, min, percentiles[0], percentiles[1], percentiles[2], percentiles[3], percentiles[4], max,
            histograms[0], histograms[1]);
    }

    private sealed record CategoryTotal(string Category, int Count, double Total);

    private sealed record Extremes(double Min, double Max);

    private sealed record Neighbours(int Part, double Low, double High);

    private sealed record BinCount(int Scale, int Bin, int Count);

    /// <summary>The statistics' SQL over one selection, each kind of figure in one statement.</summary>
    private sealed record Query(PricerDbContext Db, ItemSelection Selection, CancellationToken CancellationToken)
    {
        public async Task<(double Min, double Max)> ExtremesAsync()
        {
            var sql = $"SELECT (SELECT MIN(i.Price) {Selection.FromWhere}) AS Min, (SELECT MAX(i.Price) {Selection.FromWhere}) AS Max";
            var extremes = (await Db.Database.SqlQueryRaw<Extremes>(sql, Selection.Parameters()).ToListAsync(CancellationToken)).Single();
            return (extremes.Min, extremes.Max);
        }

        /// <summary>
        /// Linear interpolation between the two nearest ranks, as numpy's default. Each pair of neighbouring prices
        /// is read with ORDER BY Price LIMIT 2 OFFSET k, walking the price index from its nearer end.
        /// </summary>
        public async Task<double[]> PercentilesAsync(int count, double[] fractions)
        {
            var parts = fractions.Select((fraction, part) =>
            {
                var below = (int)Math.Floor((count - 1) * fraction);
                var fromTop = below >= count / 2;
                var skip = fromTop ? Math.Max(count - 2 - below, 0) : below;
                return $"SELECT {part} AS Part, MIN(Price) AS Low, MAX(Price) AS High FROM "
                    + $"(SELECT i.Price AS Price {Selection.FromWhere} ORDER BY i.Price{(fromTop ? " DESC" : "")} LIMIT 2 OFFSET {skip})";
            });
            var sql = string.Join(" UNION ALL ", parts);
            var pairs = (await Db.Database.SqlQueryRaw<Neighbours>(sql, Selection.Parameters()).ToListAsync(CancellationToken)).ToDictionary(p => p.Part);
            return fractions.Select((fraction, part) =>
            {
                var rank = (count - 1) * fraction;
                var (low, high) = (pairs[part].Low, pairs[part].High);
                // At the top rank the pair is the last two prices, and the rank sits on the higher one.
                return rank >= count - 1 ? high : low + (rank - Math.Floor(rank)) * (high - low);
            }).ToArray();
        }

        /// <summary>One range count per bin, each walking only its own stretch of the price index; the outer bins are
        /// open-ended so that rounding at the extremes cannot lose an item.</summary>
        public async Task<IReadOnlyList<HistogramBin>[]> HistogramsAsync(HistogramScale[] scales)
        {
            var parts = new List<string>();
            var edges = new List<SqliteParameter>();
            for (var s = 0; s < scales.Length; s++)
            {
                for (var b = 0; b < scales[s].Count; b++)
                {
                    var from = b == 0 ? "" : $" AND i.Price >= {Edge(s, b)}";
                    var to = b == scales[s].Count - 1 ? "" : $" AND i.Price < {Edge(s, b + 1)}";
                    parts.Add($"SELECT {s} AS Scale, {b} AS Bin, COUNT(*) AS Count {Selection.FromWhere}{from}{to}");
                }
            }
            var sql = string.Join(" UNION ALL ", parts);
            var counts = (await Db.Database.SqlQueryRaw<BinCount>(sql, [.. Selection.Parameters(), .. edges]).ToListAsync(CancellationToken))
                .ToDictionary(c => (c.Scale, c.Bin), c => c.Count);
            return scales.Select((scale, s) => (IReadOnlyList<HistogramBin>)Enumerable.Range(0, scale.Count)
                .Select(b => new HistogramBin(scale.Edge(b), scale.Edge(b + 1), counts[(s, b)])).ToList()).ToArray();

            string Edge(int s, int b)
            {
                var name = $"$s{s}e{b}";
                if (!edges.Any(e => e.ParameterName == name)) edges.Add(new SqliteParameter(name, scales[s].Edge(b)));
                return name;
            }
        }
    }
}
