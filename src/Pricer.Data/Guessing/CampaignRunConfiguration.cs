using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Runs;

namespace Pricer.Data.Guessing;

internal sealed class CampaignRunConfiguration : IEntityTypeConfiguration<CampaignRun>
{
    public void Configure(EntityTypeBuilder<CampaignRun> builder)
    {
        builder.ToTable("CampaignRuns");
        builder.HasKey(r => r.RunId);
        builder.Property(r => r.RunId).ValueGeneratedNever();
        builder.HasOne<PricerRun>().WithOne().HasForeignKey<CampaignRun>(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Campaign>().WithMany().HasForeignKey(r => r.CampaignId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.CampaignId, r.Key }).IsUnique();
        builder.Property(r => r.Key).HasMaxLength(500);
    }
}
