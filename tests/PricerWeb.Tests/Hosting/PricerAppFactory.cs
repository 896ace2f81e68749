using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Testing;

namespace PricerWeb.Tests.Hosting;

/// <summary>
/// The real app over a real SQLite file in a scratch data folder (or a given one, so that a second app can
/// open what a first one left), with optional extra settings and test services.
/// </summary>
public sealed class PricerAppFactory(
    string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private readonly TempFolder? _dataFolder = dataDirectory is null ? new TempFolder() : null;

    public string DataDirectory => dataDirectory ?? _dataFolder!.Path;

    /// <summary>Serves the app with Kestrel on a free 127.0.0.1 port (for clients that need a real socket); returns its address.</summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _dataFolder?.Dispose();
    }
}
