namespace Pricer.Core.Items.Import;

/// <summary>A local file of items as found by <see cref="ItemSourceReader.ResolveAsync"/>.</summary>
/// <param name="Path">Where the file is on disk.</param>
/// <param name="DisplayName">The name bad rows and progress use: the path as the user gave it, or relative to a remote source.</param>
/// <param name="NameSplit">The split its path names (train-00000-of-00001.parquet, validation.jsonl.gz), used for rows without their own.</param>
public sealed record ItemFile(string Path, string DisplayName, Split? NameSplit, long Length)
{
    private static readonly char[] NameSeparators = ['-', '_', '.', ' '];

    public static ItemFile Create(string path, string displayName, string? root = null)
    {
        var relative = root is null ? System.IO.Path.GetFileName(path) : System.IO.Path.GetRelativePath(root, path);
        return new ItemFile(path, displayName, SplitFromPath(relative), new FileInfo(path).Length);
    }

    /// <summary>The split named by the file name, else by the nearest folder (HF's "train/0000.parquet").</summary>
    public static Split? SplitFromPath(string relativePath)
    {
        var segments = relativePath.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = segments.Length - 1; i >= 0; i--)
        {
            foreach (var word in segments[i].Split(NameSeparators, StringSplitOptions.RemoveEmptyEntries))
                if (SplitNames.TryParse(word, out var split)) return split;
        }
        return null;
    }
}
