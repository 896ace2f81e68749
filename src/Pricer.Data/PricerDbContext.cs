using Microsoft.EntityFrameworkCore;
using Pricer.Data.Datasets;
using Pricer.Data.Items;

namespace Pricer.Data;

public sealed class PricerDbContext(DbContextOptions<PricerDbContext> options) : DbContext(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<ItemRecord> Items => Set<ItemRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PricerDbContext).Assembly);
}
