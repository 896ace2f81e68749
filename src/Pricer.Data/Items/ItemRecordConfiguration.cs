using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Datasets;

namespace Pricer.Data.Items;

internal sealed class ItemRecordConfiguration : IEntityTypeConfiguration<ItemRecord>
{
    /// <summary>Covers every column the browser filters and sorts on, keyed by Id, so search hits are checked without reading rows.</summary>
    public const string SearchIndex = "IX_Items_Search";

    public void Configure(EntityTypeBuilder<ItemRecord> builder)
    {
        builder.ToTable("Items");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.DatasetId, i.Split, i.Position }).IsUnique();
        builder.HasIndex(i => new { i.DatasetId, i.ExternalId }).IsUnique();
        builder.HasIndex(i => new { i.DatasetId, i.Price });
        builder.HasIndex(i => new { i.DatasetId, i.Category, i.Price });
        // The browser's indexes: price order within a split (also the statistics), categories within a split,
        // the source order with category and price answered from the index alone, and the search hits.
        builder.HasIndex(i => new { i.DatasetId, i.Split, i.Price });
        builder.HasIndex(i => new { i.DatasetId, i.Split, i.Category, i.Price });
        builder.HasIndex(i => new { i.DatasetId, i.Split, i.Position, i.Category, i.Price });
        builder.HasIndex(i => new { i.DatasetId, i.Id, i.Split, i.Position, i.Category, i.Price }).HasDatabaseName(SearchIndex);
        builder.Property(i => i.ExternalId).HasMaxLength(200);
        builder.Property(i => i.Category).HasMaxLength(200);
    }
}
