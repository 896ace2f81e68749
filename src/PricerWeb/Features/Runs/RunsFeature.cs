using PricerWeb.Hubs;

namespace PricerWeb.Features.Runs;

public static class RunsFeature
{
    /// <summary>The run queue and its lanes, the live run monitor behind /hubs/runs, and remote publishing.</summary>
    public static IServiceCollection AddRunsFeature(this IServiceCollection services)
    {
        services.AddOptions<RunsOptions>().BindConfiguration(RunsOptions.SectionName);
        services.AddSignalR();
        // The monitor starts before the queue and stops after it, so the queue's last reports still go out.
        services.AddSingleton<RunMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<RunMonitor>());
        services.AddSingleton<RunQueue>();
        services.AddHostedService(provider => provider.GetRequiredService<RunQueue>());
        services.AddSingleton<RemoteRuns>();
        services.AddSingleton<TrainingRuns>();
        services.AddRunJobFactory<TrainingJobFactory>();
        return services;
    }

    /// <summary>Lets <see cref="RunQueue.ResumeAsync"/> rebuild the jobs of the runs this factory handles.</summary>
    public static IServiceCollection AddRunJobFactory<TFactory>(this IServiceCollection services) where TFactory : class, IRunJobFactory =>
        services.AddSingleton<IRunJobFactory, TFactory>();

    public static IEndpointRouteBuilder MapRunsHub(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<RunsHub>(RunsHub.Path);
        return endpoints;
    }
}
