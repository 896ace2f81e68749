using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Pricer.Testing;

namespace PricerWeb.Tests.Hosting;

/// <summary>The real app over a real SQLite file in a scratch data folder.</summary>
public sealed class PricerAppFactory : WebApplicationFactory<Program>
{
    private readonly TempFolder _dataFolder = new();

    public string DataDirectory => _dataFolder.Path;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Storage:DataDirectory", _dataFolder.Path);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _dataFolder.Dispose();
    }
}
