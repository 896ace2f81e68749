namespace Pricer.Core.Items.Import;

/// <summary>
/// Turns what a user names (a file, a folder of split files, "hf:owner/name") into the files to read, and
/// reads them as one stream of rows.
/// </summary>
public sealed class ItemSourceReader(IEnumerable<IRemoteDatasetSource> remoteSources)
{
    public static IReadOnlyList<IItemFileReader> Readers { get; } = [new JsonLinesItemReader(), new CsvItemReader(), new ParquetItemReader()];

    public const string SupportedTypes = ".jsonl, .jsonl.gz, .csv or .parquet";

    public static IItemFileReader? ReaderFor(string path) => Readers.FirstOrDefault(r => r.CanRead(path));

    /// <summary>The files of a source, in a stable order (shards of a split in name order).</summary>
    /// <exception cref="ItemSourceException">The source does not exist, is of no supported type, or no remote source can fetch it.</exception>
    public async Task<IReadOnlyList<ItemFile>> ResolveAsync(string source, string downloadRoot, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new ItemSourceException("No source given: name a file, a folder or hf:owner/name.");
        if (File.Exists(source))
        {
            if (ReaderFor(source) is null) throw new ItemSourceException($"{source}: not a supported file type ({SupportedTypes}).");
            return [ItemFile.Create(Path.GetFullPath(source), source)];
        }
        if (Directory.Exists(source)) return FilesIn(source, source);
        if (remoteSources.FirstOrDefault(r => r.CanResolve(source)) is { } remote)
        {
            var folder = await remote.ResolveAsync(source, downloadRoot, progress, cancellationToken);
            return FilesIn(folder, source);
        }
        if (source.StartsWith("hf:", StringComparison.OrdinalIgnoreCase) || source.Contains("://", StringComparison.Ordinal))
            throw new ItemSourceException($"{source}: no remote data set source is available for this (is the Hugging Face source registered?).");
        throw new ItemSourceException($"{source}: no such file or folder.");
    }

    public static ItemStream Read(IReadOnlyList<ItemFile> files) => new(files);

    private static List<ItemFile> FilesIn(string folder, string displayRoot)
    {
        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(path => (Path: path, Relative: Path.GetRelativePath(root, path).Replace('\\', '/')))
            .Where(f => ReaderFor(f.Path) != null && !f.Relative.Split('/').Any(part => part.StartsWith('.')))
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => ItemFile.Create(f.Path, $"{displayRoot.TrimEnd('/', '\\')}/{f.Relative}", root))
            .ToList();
        if (files.Count == 0) throw new ItemSourceException($"{displayRoot}: the folder holds no {SupportedTypes} files.");
        return files;
    }
}
