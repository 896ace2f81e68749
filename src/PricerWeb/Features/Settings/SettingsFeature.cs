using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pricer.Core.Llm;
using Pricer.Data;

namespace PricerWeb.Features.Settings;

public static class SettingsFeature
{
    /// <summary>The Admin settings page's services: stored API keys (which runs now use before environment variables).</summary>
    public static IServiceCollection AddSettingsFeature(this IServiceCollection services)
    {
        // The key ring lives in the data folder so that stored keys (and sign-in cookies) survive a restart.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((keys, storage, logs) =>
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(SecretsFolder.Of(storage.Value), "protection-keys")), logs));
        services.AddSingleton<StoredApiKeys>();
        services.Replace(ServiceDescriptor.Singleton<IApiKeySource>(sp => sp.GetRequiredService<StoredApiKeys>()));
        return services;
    }
}
