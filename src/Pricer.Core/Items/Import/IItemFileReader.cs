namespace Pricer.Core.Items.Import;

/// <summary>Reads the rows of one file format, streaming: never the whole file in memory.</summary>
public interface IItemFileReader
{
    /// <summary>Whether this reader handles the file, judged by its name.</summary>
    bool CanRead(string fileName);

    /// <param name="stream">The open file; its position is how far the read has got.</param>
    IAsyncEnumerable<SourceRow> ReadAsync(Stream stream, ItemFile file, CancellationToken cancellationToken);
}
