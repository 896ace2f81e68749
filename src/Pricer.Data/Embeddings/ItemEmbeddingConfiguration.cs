using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Items;

namespace Pricer.Data.Embeddings;

internal sealed class ItemEmbeddingConfiguration : IEntityTypeConfiguration<ItemEmbedding>
{
    public void Configure(EntityTypeBuilder<ItemEmbedding> builder)
    {
        builder.ToTable("ItemEmbeddings");
        builder.HasKey(e => new { e.ItemId, e.Model });
        builder.HasOne<ItemRecord>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.DatasetId, e.Model });
        builder.Property(e => e.Model).HasMaxLength(100);
    }
}
