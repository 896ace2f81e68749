using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Accounts;

namespace Pricer.Data.Guessing;

internal sealed class GuessConfiguration : IEntityTypeConfiguration<Guess>
{
    public void Configure(EntityTypeBuilder<Guess> builder)
    {
        builder.ToTable("Guesses");
        // The database, not only the server's check, keeps a person to one guess per item.
        builder.HasIndex(g => new { g.CampaignId, g.ItemId, g.UserId }).IsUnique();
        builder.HasIndex(g => new { g.CampaignId, g.UserId });
        builder.HasOne<CampaignItem>().WithMany().HasForeignKey(g => new { g.CampaignId, g.ItemId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PricerUser>().WithMany().HasForeignKey(g => g.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(g => g.Source).HasConversion<string>().HasMaxLength(20);
    }
}
