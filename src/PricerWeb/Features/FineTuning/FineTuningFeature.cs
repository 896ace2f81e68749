using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

public static class FineTuningFeature
{
    /// <summary>LoRA fine-tuning and adapter evaluation through the run queue, the adapter catalog and its downloads.</summary>
    public static IServiceCollection AddFineTuningFeature(this IServiceCollection services)
    {
        services.AddSingleton<AdapterCatalog>();
        services.AddSingleton<AdapterExports>();
        services.AddSingleton<FineTuningJobFactory>();
        services.AddSingleton<IRunJobFactory>(provider => provider.GetRequiredService<FineTuningJobFactory>());
        services.AddSingleton<FineTuningRuns>();
        return services;
    }
}
