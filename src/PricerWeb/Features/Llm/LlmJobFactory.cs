using Pricer.Core.Pricers;
using Pricer.Data.Llm;
using Pricer.Data.Runs;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Llm;

/// <summary>Rebuilds the job of an LLM run, so a cancelled, failed or interrupted one resumes where it stopped.</summary>
internal sealed class LlmJobFactory(LlmRunService service) : IRunJobFactory
{
    public bool Handles(PricerRun run) => run.Kind == RunKind.Llm && LlmRunSettings.IsLlmConfiguration(run.Configuration);

    public IRunJob Create(PricerRun run) => new LlmJob(service);
}
