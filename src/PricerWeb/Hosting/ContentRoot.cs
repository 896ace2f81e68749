namespace PricerWeb.Hosting;

/// <summary>
/// The app's content root is the repository root (where appsettings.json and wwwroot/ live), wherever
/// `dotnet run` or `dotnet PricerWeb.dll` is started from. PRICER_CONTENT_ROOT overrides the search.
/// </summary>
public static class ContentRoot
{
    public const string EnvironmentVariable = "PRICER_CONTENT_ROOT";

    public static string Resolve()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        return FindUpwards(Directory.GetCurrentDirectory())
            ?? FindUpwards(AppContext.BaseDirectory)
            ?? AppContext.BaseDirectory;
    }

    private static string? FindUpwards(string start)
    {
        for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PricerWeb.sln")) && Directory.Exists(Path.Combine(dir.FullName, "wwwroot")))
                return dir.FullName;
        }
        return null;
    }
}
