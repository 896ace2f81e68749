using Microsoft.EntityFrameworkCore;
using Pricer.Data.Datasets;

namespace Pricer.Data.Items.Browsing;

/// <summary>Reads data sets and their items for the browser: pages of rows, single items and categories.</summary>
public sealed class ItemBrowser(IDbContextFactory<PricerDbContext> contexts)
{
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
        var countSql = "SELECT COUNT(*) AS Value " + selection.FromWhere;
        var total = await db.Database.SqlQueryRaw<int>(countSql, selection.Parameters()).SingleAsync(cancellationToken);
        if (offset >= total) return new ItemPage([], total);

        var sql = "SELECT i.Id, i.ExternalId, i.Split, i.Position, i.Title, i.Category, i.Price "
            + selection.FromWhere
            + " ORDER BY " + OrderBy(query, selection.IsSearch)
            + $" LIMIT {pageSize} OFFSET {offset}";
        var rows = await db.Database.SqlQueryRaw<ItemRow>(sql, selection.Parameters()).ToListAsync(cancellationToken);
        return new ItemPage(rows, total);
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

    private static string OrderBy(ItemQuery query, bool isSearch)
    {
        var direction = query.Descending ? " DESC" : "";
        // Every order ends in the unique Id so that pages neither repeat nor skip rows.
        return query.SortBy switch
        {
            ItemSortColumn.Default when isSearch => $"ItemSearch.rank{direction}, i.Id",
            ItemSortColumn.Price => $"i.Price{direction}, i.Id{direction}",
            ItemSortColumn.Category => $"i.Category{direction}, i.Price{direction}, i.Id{direction}",
            _ => $"i.Split{direction}, i.Position{direction}",
        };
    }
}
