using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pricer.Core.Items.HuggingFace;
using Pricer.Core.Items.Import;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.HuggingFace;

public class HubRegistrationTests
{
    [Fact]
    public void The_app_registers_the_hub_as_a_remote_source_with_options_from_appsettings()
    {
        using var factory = new PricerAppFactory();

        var sources = factory.Services.GetServices<IRemoteDatasetSource>().ToList();
        var options = factory.Services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value;

        Assert.Single(sources.OfType<HubDatasetSource>());
        Assert.True(sources.Single(s => s is HubDatasetSource).CanResolve("hf:ed-donner/items_lite"));
        Assert.False(sources.Single(s => s is HubDatasetSource).CanResolve("../shared/data/items"));
        Assert.Equal(("https://huggingface.co", "HF_TOKEN", "main"), (options.Endpoint, options.TokenEnvironmentVariable, options.Revision));
    }

    [Fact]
    public void A_bad_endpoint_setting_is_refused_with_the_setting_named()
    {
        using var factory = new PricerAppFactory();
        using var configured = factory.WithWebHostBuilder(b => b.UseSetting("HuggingFace:Endpoint", "not a url"));

        var error = Assert.Throws<OptionsValidationException>(() => configured.Services.GetRequiredService<IOptions<HuggingFaceOptions>>().Value);

        Assert.Contains("HuggingFace:Endpoint", error.Message);
    }
}
