namespace Pricer.Testing;

/// <summary>
/// The course's real items live in ../shared/data beside the repository (here and in CI). A user's fresh
/// clone has no ../shared: tests that need it are skipped with this message and the fixtures under
/// tests/fixtures keep the suite meaningful.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string Folder { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string ItemsFolder => Path.Combine(Folder, "items");

    public static string HumanInputCsv => Path.Combine(Folder, "human_input.csv");

    public static string Fixtures => Path.Combine(RepoRoot, "tests", "fixtures");

    public static bool Available => File.Exists(Path.Combine(ItemsFolder, "train.jsonl.gz"));

    public static string MissingMessage =>
        $"Skipped: the course's data is not at {Folder} (a fresh clone has no ../shared); the fixture-based tests still ran.";

    /// <summary>Skips the calling [SkippableFact] when ../shared/data is missing, saying so plainly.</summary>
    public static void Require() => Skip.IfNot(Available, MissingMessage);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PricerWeb.sln"))) return dir.FullName;
        throw new InvalidOperationException("Tests must run from inside the repository (PricerWeb.sln not found above the test binaries).");
    }
}
