namespace PricerWeb.Features.Compare;

public static class CompareFeature
{
    /// <summary>The leaderboard's background baselines; the data services come from AddPricerData.</summary>
    public static IServiceCollection AddCompareFeature(this IServiceCollection services)
    {
        services.AddSingleton<BaselineJobs>();
        services.AddHostedService(provider => provider.GetRequiredService<BaselineJobs>());
        return services;
    }
}
