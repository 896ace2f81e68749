using PricerWeb.Features.FineTuning.Serving;
using PricerWeb.Features.Runs;

namespace PricerWeb.Features.FineTuning;

public static class FineTuningFeature
{
    /// <summary>LoRA fine-tuning and adapter evaluation through the run queue, the adapter catalog, its downloads and adapter serving.</summary>
    public static IServiceCollection AddFineTuningFeature(this IServiceCollection services)
    {
        services.AddOptions<FineTuningOptions>().BindConfiguration(FineTuningOptions.SectionName);
        services.AddSingleton<FineTuningBases>();
        services.AddSingleton<AdapterCatalog>();
        services.AddSingleton<AdapterServer>();
        services.AddSingleton<AdapterExports>();
        services.AddSingleton<FineTuningJobFactory>();
        services.AddSingleton<IRunJobFactory>(provider => provider.GetRequiredService<FineTuningJobFactory>());
        services.AddSingleton<FineTuningRuns>();
        return services;
    }
}
