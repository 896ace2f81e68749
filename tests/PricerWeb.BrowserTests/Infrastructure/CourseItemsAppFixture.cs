using Pricer.Testing;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// The app importing the course's items at start-up (../shared/data/items: 7,948 / 1,000 / 2,000), or on a
/// fresh clone without ../shared the importer's small sample of 10 items, so the flow runs either way.
/// </summary>
public sealed class CourseItemsAppFixture : AppFixture
{
    public const string DatasetName = "course-items";

    public static string Source => SharedData.Available ? SharedData.ItemsFolder : FixtureItems;

    public static int ExpectedItems => SharedData.Available ? 10_948 : 10;

    /// <summary>Five train (JSONL), two validation (JSONL.gz) and three test (CSV) items, shared with the importer's tests.</summary>
    public static string FixtureItems => Path.Combine(SharedData.Fixtures, "items", "sample");

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["StartupImport__0__Name"] = DatasetName,
        ["StartupImport__0__Source"] = Source,
    };
}
