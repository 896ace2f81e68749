using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pricer.Data.Accounts;
using Pricer.Data.Datasets;
using Pricer.Data.Embeddings;
using Pricer.Data.Guessing;
using Pricer.Data.Items;
using Pricer.Data.Llm;
using Pricer.Data.Runs;

namespace Pricer.Data;

/// <summary>The one database: catalog, runs, guessing campaigns and (as Identity's tables) the people who use them.</summary>
public sealed class PricerDbContext(DbContextOptions<PricerDbContext> options) : IdentityDbContext<PricerUser>(options)
{
    public DbSet<Dataset> Datasets => Set<Dataset>();
    public DbSet<ItemRecord> Items => Set<ItemRecord>();
    public DbSet<PricerRun> Runs => Set<PricerRun>();
    public DbSet<Prediction> Predictions => Set<Prediction>();
    public DbSet<ItemEmbedding> ItemEmbeddings => Set<ItemEmbedding>();
    public DbSet<LlmResponse> LlmResponses => Set<LlmResponse>();
    public DbSet<RunTelemetry> RunTelemetry => Set<RunTelemetry>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignItem> CampaignItems => Set<CampaignItem>();
    public DbSet<Guess> Guesses => Set<Guess>();
    public DbSet<GuessAssignment> GuessAssignments => Set<GuessAssignment>();
    public DbSet<CampaignRun> CampaignRuns => Set<CampaignRun>();
    public DbSet<LlmSpendingLimits> LlmSpendingLimits => Set<LlmSpendingLimits>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PricerDbContext).Assembly);
    }
}
