using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricer.Core.Embeddings;
using Pricer.Data.Runs.Ensembles;
using Pricer.Data.Runs.Knn;

namespace Pricer.Data.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>The MiniLM embedder (unless one is registered already), vector storage and search, the kNN pricer and ensembles.</summary>
    public static IServiceCollection AddEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbeddingOptions>().Bind(configuration.GetSection(EmbeddingOptions.SectionName));
        services.TryAddSingleton<ITextEmbedder, MiniLmEmbedder>();
        services.AddSingleton<TrainingIndexCache>();
        services.AddSingleton<EmbeddingStore>();
        services.AddSingleton<DatasetEmbedder>();
        services.AddSingleton<SimilarItems>();
        services.AddSingleton<ISimilarItems>(provider => provider.GetRequiredService<SimilarItems>());
        services.AddSingleton<KnnRunner>();
        services.AddSingleton<EnsembleRunner>();
        return services;
    }
}
