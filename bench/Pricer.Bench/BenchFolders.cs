namespace Pricer.Bench;

internal static class BenchFolders
{
    /// <summary>The clone's root; the bench keeps its generated files under artifacts/ there (git-ignored).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "PricerWeb.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the bench from inside the repository (PricerWeb.sln not found).");
    }
}
