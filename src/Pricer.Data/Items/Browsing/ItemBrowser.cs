using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;
using Pricer.Data.Datasets;

namespace Pricer.Data.Items.Browsing;

/// <summary>Reads data sets and their items for the browser: pages of rows, single items and categories.</summary>
public sealed class ItemBrowser(IDbContextFactory<PricerDbContext> contexts)
{
    /// <summary>
    /// Searches count (and rank by relevance) at most this many hits: a word in half of 800,000 items would
    /// otherwise cost seconds, for a number nobody pages through.
    /// </summary>
    public const int SearchCountLimit = 10_000;

    public async Task<IReadOnlyList<Dataset>> GetDatasetsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().OrderBy(d => d.Name).ToListAsync(cancellationToken);
    }

    public async Task<ItemPage> GetPageAsync(ItemQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, ItemQuery.MaxPageSize);
        var offset = (long)Math.Max(query.Page, 0) * pageSize;
        var selection = ItemSelection.For(query.Filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        if (!selection.IsSearch)
        {
            var total = await CountAsync(db, query.Filter, selection, cancellationToken);
            var rows = offset >= total ? [] : await PageAsync(db, selection, SortKeys(query, byRelevance: false, byHitOrder: false), query.Descending, pageSize, offset, cancellationToken);
            return new ItemPage(rows, total);
        }

        var countSql = $"SELECT COUNT(*) AS Value FROM (SELECT 1 {selection.FromWhere} LIMIT {SearchCountLimit + 1})";
        var hits = await db.Database.SqlQueryRaw<int>(countSql, selection.Parameters()).SingleAsync(cancellationToken);
        var capped = hits > SearchCountLimit;
        var shown = Math.Min(hits, SearchCountLimit);
        var page = offset >= shown ? [] : await PageAsync(db, selection, SortKeys(query, byRelevance: !capped, byHitOrder: capped), query.Descending, pageSize, offset, cancellationToken);
        return new ItemPage(page, shown, capped);
    }

    /// <summary>One item with its text and details, or null when it no longer exists.</summary>
    public async Task<ItemRecord?> GetItemAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Items.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
    }

    /// <summary>The data set's distinct categories in order, "" (no category) first when present.</summary>
    public async Task<IReadOnlyList<string>> GetCategoriesAsync(int datasetId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Hops from one category to the next through the (DatasetId, Category, Price) index: a few seeks
        // instead of a scan over every item.
        const string sql = """
            WITH RECURSIVE c(Value) AS (
                SELECT MIN(Category) FROM Items WHERE DatasetId = {0}
                UNION ALL
                SELECT (SELECT MIN(Category) FROM Items WHERE DatasetId = {0} AND Category > c.Value) FROM c WHERE c.Value IS NOT NULL)
            SELECT Value FROM c WHERE Value IS NOT NULL
            """;
        return await db.Database.SqlQueryRaw<string>(sql, datasetId).ToListAsync(cancellationToken);
    }

    /// <summary>The ORDER BY expressions, which end in something unique so that pages neither repeat nor skip rows.</summary>
    /// <param name="byRelevance">Searching, with few enough hits to rank them all.</param>
    /// <param name="byHitOrder">Searching, with too many hits to rank: FTS5 yields them in id (import) order, so
    /// SQLite reads one page of hits instead of sorting them all.</param>
    private static string[] SortKeys(ItemQuery query, bool byRelevance, bool byHitOrder) => query.SortBy switch
    {
        ItemSortColumn.Default when byRelevance => ["ItemSearch.rank", "i.Id"],
        ItemSortColumn.Default when byHitOrder => ["ItemSearch.rowid"],
        ItemSortColumn.Price => ["i.Price", "i.Id"],
        ItemSortColumn.Category => ["i.Category", "i.Price", "i.Id"],
        _ => ["i.Split", "i.Position"],
    };

    private static async Task<int> CountAsync(PricerDbContext db, ItemFilter filter, ItemSelection selection, CancellationToken cancellationToken)
    {
        if (filter is { Category: null, MinPrice: null, MaxPrice: null })
        {
            // A whole data set or split: the import recorded its size, which saves counting 800,000 index entries.
            var dataset = await db.Datasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == filter.DatasetId, cancellationToken);
            return filter.Split switch
            {
                null => dataset?.TotalCount ?? 0,
                Split.Train => dataset?.TrainCount ?? 0,
                Split.Validation => dataset?.ValidationCount ?? 0,
                Split.Test => dataset?.TestCount ?? 0,
                _ => 0,
            };
        }
        var sql = $"SELECT COUNT(*) AS Value {selection.FromWhere}";
        return await db.Database.SqlQueryRaw<int>(sql, selection.Parameters()).SingleAsync(cancellationToken);
    }

    /// <summary>A page in SQL: its ids come from the indexes alone, and only its own rows are read from the table.</summary>
    private static async Task<IReadOnlyList<ItemRow>> PageAsync(
        PricerDbContext db, ItemSelection selection, string[] order, bool descending, int pageSize, long offset, CancellationToken cancellationToken)
    {
        var keys = string.Concat(order.Select((k, n) => $", {k} AS S{n}"));
        var direction = descending ? " DESC" : "";
        var sql = $"""
            SELECT r.Id, r.ExternalId, r.Split, r.Position, r.Title, r.Category, r.Price
            FROM (SELECT i.Id AS Id{keys} {selection.FromWhere}
                  ORDER BY {string.Join(", ", order.Select(k => k + direction))} LIMIT {pageSize} OFFSET {offset}) AS k
            CROSS JOIN Items r ON r.Id = k.Id
            ORDER BY {string.Join(", ", order.Select((_, n) => $"k.S{n}{direction}"))}
            """;
        return await db.Database.SqlQueryRaw<ItemRow>(sql, selection.Parameters()).ToListAsync(cancellationToken);
    }
}
