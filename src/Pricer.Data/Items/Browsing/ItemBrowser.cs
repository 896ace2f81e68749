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
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var selection = ItemSelection.For(query.Filter, await IsUnfinishedWordAsync(db, query.Filter.Search, cancellationToken),
            sortedByItemColumns: query.SortBy != ItemSortColumn.Default);

        if (!selection.IsSearch)
        {
            var total = await CountAsync(db, query.Filter, selection, cancellationToken);
            var rows = offset >= total ? [] : await PageAsync(db, selection, SortKeys(query), query.Descending, pageSize, offset, cancellationToken);
            return new ItemPage(rows, total);
        }

        var index = await SearchIndexer.StatusAsync(db, query.Filter.DatasetId, cancellationToken);
        var building = index is { IsComplete: false } ? index.Fraction : (double?)null;
        var filtered = query.Filter is not { Split: null, Category: null, MinPrice: null, MaxPrice: null };
        if (query.SortBy == ItemSortColumn.Default && filtered)
        {
            // Filters may pass only a few of many hits: one pass over the hits, stopping one past the limit, gives the
            // count and the order, ranking only the hits that pass (by relevance, or past the limit by id).
            var hitsSql = $"SELECT i.Id AS Id, ItemSearch.rank AS Rank {selection.FromWhere} ORDER BY ItemSearch.rowid LIMIT {SearchCountLimit + 1}";
            var hits = await db.Database.SqlQueryRaw<SearchHit>(hitsSql, selection.Parameters()).ToListAsync(cancellationToken);
            var tooMany = hits.Count > SearchCountLimit;
            var ordered = tooMany ? hits.Take(SearchCountLimit) : hits.OrderBy(h => h.Rank).ThenBy(h => h.Id);
            if (query.Descending) ordered = ordered.Reverse();
            var ids = ordered.Skip((int)Math.Min(offset, SearchCountLimit)).Take(pageSize).Select(h => h.Id).ToList();
            return new ItemPage(await RowsAsync(db, ids, cancellationToken), Math.Min(hits.Count, SearchCountLimit), tooMany) { SearchIndexFraction = building };
        }

        // Otherwise count first, which stops early when hits are many; only within the limit are they ranked, and a
        // chosen order sorts every hit in SQL.
        var countSql = $"SELECT COUNT(*) AS Value FROM (SELECT 1 {selection.FromWhere} LIMIT {SearchCountLimit + 1})";
        var count = await db.Database.SqlQueryRaw<int>(countSql, selection.Parameters()).SingleAsync(cancellationToken);
        var capped = count > SearchCountLimit;
        var shown = Math.Min(count, SearchCountLimit);
        var order = query.SortBy != ItemSortColumn.Default ? SortKeys(query) : capped ? ["ItemSearch.rowid"] : ["ItemSearch.rank", "ItemSearch.rowid"];
        var page = offset >= shown ? [] : await PageAsync(db, selection, order, query.Descending, pageSize, offset, cancellationToken);
        return new ItemPage(page, shown, capped) { SearchIndexFraction = building };
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
    private static string[] SortKeys(ItemQuery query) => query.SortBy switch
    {
        ItemSortColumn.Price => ["i.Price", "i.Id"],
        ItemSortColumn.Category => ["i.Category", "i.Price", "i.Id"],
        _ => ["i.Split", "i.Position"],
    };

    /// <summary>
    /// Whether the search's last word is still being typed: it may be a prefix and is not a word of the index. A
    /// finished word is searched as it is, which spares FTS5 merging the lists of every word that starts with it.
    /// </summary>
    private static async Task<bool> IsUnfinishedWordAsync(PricerDbContext db, string? search, CancellationToken cancellationToken)
    {
        if (SearchText.PrefixCandidate(search) is not { } term) return false;
        var known = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM (SELECT 1 FROM ItemSearchTerms WHERE term = {0} LIMIT 1)", term)
            .SingleAsync(cancellationToken);
        return known == 0;
    }

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
            FROM (SELECT {selection.IdColumn} AS Id{keys} {selection.FromWhere}
                  ORDER BY {string.Join(", ", order.Select(k => k + direction))} LIMIT {pageSize} OFFSET {offset}) AS k
            CROSS JOIN Items r ON r.Id = k.Id
            ORDER BY {string.Join(", ", order.Select((_, n) => $"k.S{n}{direction}"))}
            """;
        return await db.Database.SqlQueryRaw<ItemRow>(sql, selection.Parameters()).ToListAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<ItemRow>> RowsAsync(PricerDbContext db, List<long> ids, CancellationToken cancellationToken)
    {
        var rows = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new ItemRow
            {
                Id = i.Id, ExternalId = i.ExternalId, Split = i.Split, Position = i.Position, Title = i.Title,
                Category = i.Category, Price = i.Price,
            })
            .ToDictionaryAsync(r => r.Id, cancellationToken);
        return ids.Select(id => rows[id]).ToList();
    }
}
