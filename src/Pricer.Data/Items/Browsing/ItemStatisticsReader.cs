using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;

namespace Pricer.Data.Items.Browsing;

/// <summary>
/// Computes a data set's statistics in SQL over the price indexes, so that 800,000 prices are counted and
/// ranked by SQLite rather than loaded.
/// </summary>
public sealed class ItemStatisticsReader(IDbContextFactory<PricerDbContext> contexts)
{
    /// <param name="split">Restricts everything but <see cref="ItemStatistics.SplitCounts"/> to one split.</param>
    public async Task<ItemStatistics> GetStatisticsAsync(int datasetId, Split? split, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = new Query(db, ItemSelection.For(new ItemFilter(datasetId, split)), cancellationToken);

        var splitCounts = await db.Items.Where(i => i.DatasetId == datasetId)
            .GroupBy(i => i.Split).Select(g => new { Split = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Split, g => g.Count, cancellationToken);
        var categorySql = $"SELECT i.Category, COUNT(*) AS Count {query.Selection.FromWhere} GROUP BY i.Category";
        var categoryCounts = await db.Database.SqlQueryRaw<CategoryCount>(categorySql, query.Selection.Parameters()).ToListAsync(cancellationToken);
        var count = categoryCounts.Sum(c => c.Count);
        return new ItemStatistics(
            count,
            SplitNames.All.ToDictionary(s => s, s => splitCounts.GetValueOrDefault(s)),
            categoryCounts.OrderByDescending(c => c.Count).ThenBy(c => c.Category, StringComparer.Ordinal).ToList(),
            count == 0 ? null : await SummarizePricesAsync(query, count));
    }

    private static async Task<PriceSummary> SummarizePricesAsync(Query query, int count)
    {
        var mean = await query.ScalarAsync("SELECT AVG(i.Price) AS Value");
        var min = await query.ScalarAsync("SELECT MIN(i.Price) AS Value");
        var max = await query.ScalarAsync("SELECT MAX(i.Price) AS Value");
        return new PriceSummary(
            mean, min,
            await PercentileAsync(query, count, 0.05),
            await PercentileAsync(query, count, 0.25),
            await PercentileAsync(query, count, 0.50),
            await PercentileAsync(query, count, 0.75),
            await PercentileAsync(query, count, 0.95),
            max,
            await HistogramAsync(query, HistogramEdges.Linear(min, max)),
            await HistogramAsync(query, HistogramEdges.Logarithmic(min, max)));
    }

    private static async Task<double> PercentileAsync(Query query, int count, double fraction)
    {
        var rank = (count - 1) * fraction;
        var below = (int)Math.Floor(rank);
        var (low, high) = await query.NeighbouringPricesAsync(below, count);
        return low + (rank - below) * (high - low);
    }

    private static async Task<IReadOnlyList<HistogramBin>> HistogramAsync(Query query, IReadOnlyList<double> edges)
    {
        // One range count per bin: each walks only its own stretch of the price index.
        var bins = new List<HistogramBin>(edges.Count - 1);
        for (var b = 0; b + 1 < edges.Count; b++)
        {
            var inBin = await query.ScalarAsync("SELECT COUNT(*) AS Value", " AND i.Price >= $from AND i.Price < $to",
                new SqliteParameter("$from", edges[b]), new SqliteParameter("$to", edges[b + 1]));
            bins.Add(new HistogramBin(edges[b], edges[b + 1], (int)inBin));
        }
        return bins;
    }

    private sealed record Query(PricerDbContext Db, ItemSelection Selection, CancellationToken CancellationToken)
    {
        public async Task<double> ScalarAsync(string select, string condition = "", params SqliteParameter[] parameters)
        {
            var sql = $"{select} {Selection.FromWhere}{condition}";
            var values = await Db.Database.SqlQueryRaw<double?>(sql, [.. Selection.Parameters(), .. parameters]).ToListAsync(CancellationToken);
            return values.Single() ?? 0;
        }

        /// <summary>The prices ranked <paramref name="rank"/> and rank + 1 (0-based, cheapest first), walking the index from the nearer end.</summary>
        public async Task<(double Low, double High)> NeighbouringPricesAsync(int rank, int count)
        {
            if (rank + 1 >= count)
            {
                var last = await PricesAsync("DESC", 1, 0);
                return (last[0], last[0]);
            }
            if (rank < count / 2)
            {
                var ascending = await PricesAsync("", 2, rank);
                return (ascending[0], ascending[1]);
            }
            var descending = await PricesAsync("DESC", 2, count - 2 - rank);
            return (descending[1], descending[0]);
        }

        private Task<List<double>> PricesAsync(string direction, int take, int skip)
        {
            var sql = $"SELECT i.Price AS Value {Selection.FromWhere} ORDER BY i.Price {direction} LIMIT {take} OFFSET {skip}";
            return Db.Database.SqlQueryRaw<double>(sql, Selection.Parameters()).ToListAsync(CancellationToken);
        }
    }
}
