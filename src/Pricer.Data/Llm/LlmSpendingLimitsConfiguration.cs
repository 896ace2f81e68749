using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pricer.Data.Llm;

internal sealed class LlmSpendingLimitsConfiguration : IEntityTypeConfiguration<LlmSpendingLimits>
{
    public void Configure(EntityTypeBuilder<LlmSpendingLimits> builder)
    {
        builder.ToTable("LlmSpendingLimits");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
    }
}
