using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Datasets;

namespace Pricer.Data.Runs;

internal sealed class PricerRunConfiguration : IEntityTypeConfiguration<PricerRun>
{
    public void Configure(EntityTypeBuilder<PricerRun> builder)
    {
        builder.ToTable("Runs");
        builder.HasOne<Dataset>().WithMany().HasForeignKey(r => r.DatasetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.DatasetId, r.StartedAtUtc });
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.StartedBy).HasMaxLength(200);
        builder.Property(r => r.CodeVersion).HasMaxLength(100);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(r => r.DurationSeconds);
    }
}
