namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// Reads which split a Hub data file holds from its path, as the Hub's datasets library does: a split name
/// standing as its own word in the file name ("data/train-00000-of-00002.parquet", "test.parquet") or in a
/// folder ("default/validation/0000.parquet"). The importer uses it on the downloaded folder too.
/// </summary>
public static class HubSplitNames
{
    private static readonly char[] WordSeparators = ['-', '_', '.', ' '];

    public static Split? FromPath(string path)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        parts[^1] = System.IO.Path.GetFileNameWithoutExtension(parts[^1]);
        foreach (var part in parts.Reverse())
        {
            foreach (var word in part.Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries))
                if (SplitNames.TryParse(word, out var split)) return split;
        }
        return null;
    }

    /// <summary>
    /// Assigns each path its split. As in the datasets library, when no path names a split every file is
    /// training data; when some do, files that name none are left out.
    /// </summary>
    public static IReadOnlyList<(string Path, Split Split)> Assign(IEnumerable<string> paths)
    {
        var named = paths.Select(p => (Path: p, Split: FromPath(p))).ToList();
        return named.Any(n => n.Split.HasValue)
            ? named.Where(n => n.Split.HasValue).Select(n => (n.Path, n.Split!.Value)).ToList()
            : named.Select(n => (n.Path, Split.Train)).ToList();
    }
}
