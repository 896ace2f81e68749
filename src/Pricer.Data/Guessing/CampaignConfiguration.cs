using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Datasets;

namespace Pricer.Data.Guessing;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> builder)
    {
        builder.ToTable("Campaigns");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(c => c.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Split).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Selection).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450);
    }
}
