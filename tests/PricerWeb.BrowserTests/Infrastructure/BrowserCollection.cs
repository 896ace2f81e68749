namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>Browser tests share one Chromium and run one at a time (the machines have two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "browser";
}
