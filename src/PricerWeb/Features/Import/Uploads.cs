using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using Pricer.Data;

namespace PricerWeb.Features.Import;

/// <summary>Streams a file from the browser into a fresh folder under the data folder, within the size limit.</summary>
public sealed class Uploads(IOptions<ImportOptions> options, IOptions<StorageOptions> storage)
{
    public static readonly IReadOnlyList<string> Extensions = [".jsonl", ".jsonl.gz", ".csv", ".parquet"];

    public long MaxBytes => options.Value.MaxUploadBytes;

    /// <summary>Null when the file can be uploaded, else why not.</summary>
    public string? Check(string fileName, long size)
    {
        if (!Extensions.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            return $"{fileName} is not a file the importer reads; choose {string.Join(", ", Extensions)}.";
        if (size > MaxBytes) return new UploadTooLargeException(fileName, MaxBytes).Message;
        return null;
    }

    /// <summary>Copies the file and returns its path; the caller owns (and deletes) its folder.</summary>
    /// <exception cref="UploadTooLargeException">The file is, or turns out to be, over the limit.</exception>
    public async Task<string> SaveAsync(IBrowserFile file, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        if (file.Size > MaxBytes) throw new UploadTooLargeException(file.Name, MaxBytes);
        var folder = Path.Combine(storage.Value.DataDirectory, "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, SafeFileName(file.Name));
        try
        {
            await using var input = file.OpenReadStream(MaxBytes, cancellationToken);
            await using var output = File.Create(path);
            var buffer = new byte[81920];
            long copied = 0;
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                copied += read;
                if (copied > MaxBytes) throw new UploadTooLargeException(file.Name, MaxBytes);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(copied);
            }
            return path;
        }
        catch
        {
            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    public static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KB",
        _ => $"{bytes} bytes",
    };

    /// <summary>The browser's file name without any path, with only safe characters, keeping its extension.</summary>
    private static string SafeFileName(string name)
    {
        var safe = new string(Path.GetFileName(name).Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray());
        return safe.Trim('.').Length == 0 ? "upload" + Path.GetExtension(name) : safe;
    }
}
