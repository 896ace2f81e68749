using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Pricer.Data.Accounts;

namespace Pricer.Data.Guessing;

internal sealed class GuessAssignmentConfiguration : IEntityTypeConfiguration<GuessAssignment>
{
    public void Configure(EntityTypeBuilder<GuessAssignment> builder)
    {
        builder.ToTable("GuessAssignments");
        builder.HasKey(a => new { a.CampaignId, a.UserId });
        builder.HasOne<CampaignItem>().WithMany().HasForeignKey(a => new { a.CampaignId, a.ItemId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<PricerUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
