using Microsoft.EntityFrameworkCore;
using Pricer.Data.Datasets;
using Pricer.Data.Embeddings;
using Pricer.Data.Items;
using Pricer.Data.Llm;
using Pricer.Data.Runs;

namespace Pricer.Data;

public sealed class PricerDbContext(DbContextOptions<PricerDbContext> options) : DbContext(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<ItemRecord> Items => Set<ItemRecord>();
    public DbSet<PricerRun> Runs => Set<PricerRun>();
    public DbSet<Prediction> Predictions => Set<Prediction>();
    public DbSet<ItemEmbedding> ItemEmbeddings => Set<ItemEmbedding>();
    public DbSet<LlmResponse> LlmResponses => Set<LlmResponse>();
    public DbSet<RunTelemetry> RunTelemetry => Set<RunTelemetry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PricerDbContext).Assembly);
}
