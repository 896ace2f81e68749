using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Pricer.Core.Llm;

namespace Pricer.Data.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>The configured LLM providers and the service that runs LLM pricers.</summary>
    public static IServiceCollection AddLlmRuns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.SectionName));
        services.AddSingleton<LlmRunService>();
        services.AddSingleton<LlmSpending>();
        services.TryAddSingleton<IApiKeySource, EnvironmentApiKeySource>();
        return services;
    }
}
