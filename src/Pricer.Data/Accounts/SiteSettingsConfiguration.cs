using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Pricer.Data.Accounts;

internal sealed class SiteSettingsConfiguration : IEntityTypeConfiguration<SiteSettings>
{
    public void Configure(EntityTypeBuilder<SiteSettings> builder)
    {
        builder.ToTable("SiteSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.SignUpMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
    }
}
