using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pricer.Data.Llm;

internal sealed class LlmResponseConfiguration : IEntityTypeConfiguration<LlmResponse>
{
    public void Configure(EntityTypeBuilder<LlmResponse> builder)
    {
        builder.ToTable("LlmResponses");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(64);
        builder.Property(r => r.Endpoint).HasMaxLength(500);
        builder.Property(r => r.Model).HasMaxLength(200);
    }
}
