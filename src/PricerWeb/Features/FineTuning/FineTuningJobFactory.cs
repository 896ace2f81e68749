using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Lora;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

/// <summary>Makes the jobs of fine-tuning runs, new ones and ones to resume (which train again from the start).</summary>
public sealed class FineTuningJobFactory(LoraRunner runner, AdapterCatalog adapters, FineTuningBases bases, IDbContextFactory<PricerDbContext> contexts) : IRunJobFactory
{
    public bool Handles(PricerRun run) => run.Kind == RunKind.FineTuned && FineTuningSettings.TryFromJson(run.Configuration) is not null;

    public IRunJob Create(PricerRun run) =>
        Create(FineTuningSettings.TryFromJson(run.Configuration) ?? throw new InvalidOperationException($"Run {run.Id}'s configuration is not a fine-tuning job's."));

    public FineTuningJob Create(FineTuningSettings settings) => new(settings, runner, adapters, bases, contexts);
}
