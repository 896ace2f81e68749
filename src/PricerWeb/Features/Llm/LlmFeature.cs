using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Llm;

public static class LlmFeature
{
    /// <summary>LLM runs through the run queue; providers and the run service come from AddPricerData.</summary>
    public static IServiceCollection AddLlmFeature(this IServiceCollection services)
    {
        services.AddSingleton<LlmRuns>();
        services.AddRunJobFactory<LlmJobFactory>();
        return services;
    }
}
