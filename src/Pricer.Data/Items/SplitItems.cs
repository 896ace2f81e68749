using Microsoft.EntityFrameworkCore;
using Pricer.Core.Items;
using Pricer.Data.Datasets;

namespace Pricer.Data.Items;

/// <summary>Loads a data set's items of one split in their source order, for pricers that train or predict.</summary>
public sealed class SplitItems(IDbContextFactory<PricerDbContext> contexts)
{
    public async Task<Dataset> DatasetAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Datasets.AsNoTracking().FirstOrDefaultAsync(d => d.Name == name, cancellationToken)
            ?? throw new KeyNotFoundException($"There is no data set named '{name}'.");
    }

    /// <summary>The split's items with their row ids, in source order.</summary>
    public async Task<IReadOnlyList<(long RowId, Item Item)>> LoadAsync(int datasetId, Split split, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var records = await db.Items.AsNoTracking()
            .Where(i => i.DatasetId == datasetId && i.Split == split)
            .OrderBy(i => i.Position)
            .ToListAsync(cancellationToken);
        return records.Select(r => (r.Id, r.ToItem())).ToList();
    }
}
