using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pricer.Data.Runs;

internal sealed class RunTelemetryConfiguration : IEntityTypeConfiguration<RunTelemetry>
{
    public void Configure(EntityTypeBuilder<RunTelemetry> builder)
    {
        builder.ToTable("RunTelemetry");
        builder.HasKey(t => t.RunId);
        builder.HasOne<PricerRun>().WithOne().HasForeignKey<RunTelemetry>(t => t.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
