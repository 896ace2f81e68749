using Pricer.Testing;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// The app importing the course's items at start-up (../shared/data/items: 7,948 / 1,000 / 2,000), or on a
/// fresh clone without ../shared the small fixture of 7 items, so the flow runs either way.
/// </summary>
public sealed class CourseItemsAppFixture : AppFixture
{
    public const string DatasetName = "course-items";

    public static string Source => SharedData.Available ? SharedData.ItemsFolder : FixtureItems;

    public static int ExpectedItems => SharedData.Available ? 10_948 : 7;

    /// <summary>Four train, one validation and two test items (shared with the import page's bUnit tests).</summary>
    public static string FixtureItems => Path.Combine(SharedData.Fixtures, "import-ui", "items");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["StartupImport__0__Name"] = DatasetName,
        ["StartupImport__0__Source"] = Source,
    };
}
