using Pricer.Testing;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>The app importing the small sample data set (5 train, 2 validation, 3 test items) at start-up.</summary>
public sealed class FixtureItemsAppFixture : AppFixture
{
    public const string Dataset = "fixture-items";

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["StartupImport__0__Name"] = Dataset,
        ["StartupImport__0__Source"] = Path.Combine(SharedData.Fixtures, "items", "sample"),
    };
}
