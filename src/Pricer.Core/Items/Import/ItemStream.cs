namespace Pricer.Core.Items.Import;

/// <summary>
/// The rows of a resolved source, file after file, each an item or a bad row. While it is being enumerated,
/// <see cref="BytesRead"/> says how far through the (compressed) input it is.
/// </summary>
public sealed class ItemStream(IReadOnlyList<ItemFile> files) : IAsyncEnumerable<ImportRow>
{
    private long _finishedBytes;
    private Stream? _current;

    public IReadOnlyList<ItemFile> Files => files;

    public ItemFile? CurrentFile { get; private set; }

    public long BytesTotal { get; } = files.Sum(f => f.Length);

    public long BytesRead => _finishedBytes + (_current is { CanSeek: true } stream ? Math.Min(stream.Position, CurrentFile!.Length) : 0);

    public async IAsyncEnumerator<ImportRow> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        var validator = new ItemValidator();
        _finishedBytes = 0;
        foreach (var file in files)
        {
            var reader = ItemSourceReader.ReaderFor(file.Path)
                ?? throw new ItemSourceException($"{file.DisplayName}: not a supported file type ({ItemSourceReader.SupportedTypes}).");
            await using var stream = Open(file);
            CurrentFile = file;
            _current = stream;
            await using var rows = reader.ReadAsync(stream, file, cancellationToken).GetAsyncEnumerator(cancellationToken);
            while (await NextAsync(rows, file))
                yield return validator.Validate(file, rows.Current);
            _current = null;
            _finishedBytes += file.Length;
        }
    }

    private static FileStream Open(ItemFile file)
    {
        try
        {
            return new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ItemSourceException($"{file.DisplayName}: cannot be opened: {e.Message}", e);
        }
    }

    /// <summary>A file that breaks mid-way (truncated gzip, corrupt parquet) stops the import with its name.</summary>
    private static async ValueTask<bool> NextAsync(IAsyncEnumerator<SourceRow> rows, ItemFile file)
    {
        try
        {
            return await rows.MoveNextAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException and not ItemSourceException)
        {
            throw new ItemSourceException($"{file.DisplayName}: cannot be read: {e.Message}", e);
        }
    }
}
