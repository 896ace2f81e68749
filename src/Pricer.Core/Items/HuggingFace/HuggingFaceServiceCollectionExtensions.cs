using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items.Import;

namespace Pricer.Core.Items.HuggingFace;

public static class HuggingFaceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HubClient"/> (a typed HttpClient) with options from the "HuggingFace" section, and
    /// <see cref="HubDatasetSource"/> as the <see cref="IRemoteDatasetSource"/> for "hf:owner/name" sources.
    /// </summary>
    public static IServiceCollection AddHuggingFaceHub(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HuggingFaceOptions>()
            .Bind(configuration.GetSection(HuggingFaceOptions.SectionName))
            .Validate(o => Uri.TryCreate(o.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https",
                "HuggingFace:Endpoint must be an absolute http(s) address, such as https://huggingface.co.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.TokenEnvironmentVariable), "HuggingFace:TokenEnvironmentVariable must name a variable, such as HF_TOKEN.")
            .Validate(o => o.MaxRetries >= 0 && o.RequestTimeout > TimeSpan.Zero && o.ReadTimeout > TimeSpan.Zero,
                "HuggingFace:MaxRetries must not be negative and the timeouts must be positive.");

        services.AddHttpClient<HubClient>(http =>
            {
                // HubHttp applies RequestTimeout and ReadTimeout itself: a whole download may take far longer.
                http.Timeout = Timeout.InfiniteTimeSpan;
                http.DefaultRequestHeaders.UserAgent.ParseAdd("PricerWeb/1.0");
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed by HubHttp, which keeps the token from the CDN hosts downloads are sent to.
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RedactLoggedHeaders(_ => true);
        services.AddTransient<IRemoteDatasetSource, HubDatasetSource>();
        return services;
    }
}
