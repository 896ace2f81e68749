using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Datasets;

namespace Pricer.Data.Items;

internal sealed class ItemRecordConfiguration : IEntityTypeConfiguration<ItemRecord>
{
    public void Configure(EntityTypeBuilder<ItemRecord> builder)
    {
        builder.ToTable("Items");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(i => i.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.DatasetId, i.Split, i.Position }).IsUnique();
        builder.HasIndex(i => new { i.DatasetId, i.ExternalId }).IsUnique();
        builder.HasIndex(i => new { i.DatasetId, i.Price });
        builder.HasIndex(i => new { i.DatasetId, i.Category, i.Price });
        builder.Property(i => i.ExternalId).HasMaxLength(200);
        builder.Property(i => i.Category).HasMaxLength(200);
    }
}
