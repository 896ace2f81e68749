using PricerWeb.Features.Runs;

namespace PricerWeb.Features.Embeddings;

public static class EmbeddingsFeature
{
    /// <summary>kNN runs on the run queue (and their resumption); the embedding services come from AddPricerData.</summary>
    public static IServiceCollection AddEmbeddingsFeature(this IServiceCollection services)
    {
        services.AddSingleton<KnnRuns>();
        services.AddRunJobFactory<KnnRunJobFactory>();
        return services;
    }
}
