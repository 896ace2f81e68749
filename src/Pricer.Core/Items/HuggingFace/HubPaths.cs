namespace Pricer.Core.Items.HuggingFace;

/// <summary>Where downloads go, and the checks that keep a path from the Hub inside that folder.</summary>
internal static class HubPaths
{
    private const int MaxPathLength = 512;

    /// <summary>{downloadRoot}/hf/{owner}/{name}/{revision}, the revision escaped so that "refs/convert/parquet" stays one folder.</summary>
    public static string DatasetFolder(string downloadRoot, HubDatasetId dataset) =>
        Path.Combine(Path.GetFullPath(downloadRoot), "hf", dataset.Owner, dataset.Name, Uri.EscapeDataString(dataset.Revision));

    /// <summary>A relative path with forward slashes and no empty, "." or ".." parts nor characters a file system treats specially.</summary>
    public static bool IsSafeRelative(string? path) =>
        path is { Length: > 0 and <= MaxPathLength } && !path.StartsWith('/')
        && path.Split('/').All(part => part.Length > 0 && part != "." && part != ".."
            && part.All(c => !char.IsControl(c) && c is not ('\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|')));

    /// <summary>The local file for a Hub path, refusing one that would land outside the folder.</summary>
    public static string LocalFile(string folder, string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(folder, relativePath));
        if (!IsSafeRelative(relativePath) || !full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new HubException($"The Hub listed a file with an unsafe path ({SafeText.Quote(relativePath)}); nothing was written for it.");
        return full;
    }
}
