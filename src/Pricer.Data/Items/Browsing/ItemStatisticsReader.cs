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
            await HistogramAsync(query, HistogramScale.Linear(min, max)),
            await HistogramAsync(query, HistogramScale.Logarithmic(min, max)));
    }

    /// <summary>Linear interpolation between the two nearest ranks, as numpy's default.</summary>
    private static async Task<double> PercentileAsync(Query query, int count, double fraction)
    {
        var rank = (count - 1) * fraction;
        var below = (int)Math.Floor(rank);
        var (low, high) = await query.NeighbouringPricesAsync(below, count);
        return low + (rank - below) * (high - low);
    }

    private static async Task<IReadOnlyList<HistogramBin>> HistogramAsync(Query query, HistogramScale scale)
    {
        // One range count per bin, each walking only its own stretch of the price index. The outer bins are
        // open-ended so that rounding at the extremes cannot lose an item.
        var bins = new List<HistogramBin>(scale.Count);
        for (var b = 0; b < scale.Count; b++)
        {
            var (from, to) = (scale.Edge(b), scale.Edge(b + 1));
            var inBin = await query.ScalarAsync("SELECT COUNT(*) AS Value", " AND i.Price >= $from AND i.Price < $to",
                new SqliteParameter("$from", b == 0 ? double.MinValue : from),
                new SqliteParameter("$to", b == scale.Count - 1 ? double.MaxValue : to));
            bins.Add(new HistogramBin(from, to, (int)inBin));
        }
        return bins;
    }

    private sealed record CategoryTotal(string Category, int Count, double Total);

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
