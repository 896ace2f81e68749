using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Runs;
using Pricer.Data.Training;

namespace PricerWeb.Features.Runs;

/// <summary>Rebuilds the training job of a neural-network run, so an interrupted one can be resumed.</summary>
internal sealed class TrainingJobFactory(NetworkRunner runner, IDbContextFactory<PricerDbContext> contexts) : IRunJobFactory
{
    public bool Handles(PricerRun run) => run.Kind == RunKind.NeuralNetwork;

    public IRunJob Create(PricerRun run) => new TrainingJob(runner, contexts);
}
