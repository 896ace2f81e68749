using System.Buffers;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// Downloads one file through a ".part" file that survives failures: each try asks for the bytes after those
/// already on disk (Range), starts over when the server ignores the range (200), and takes 416 as "already
/// complete". The part is renamed only once its size and sha256 match what the Hub listed.
/// </summary>
internal sealed class HubFileDownloader(HubHttp http, HuggingFaceOptions options, ILogger logger)
{
    private const int BufferSize = 81_920;

    public async Task<bool> DownloadAsync(HubDatasetId dataset, HubFile file, string target, Action<long>? onBytesOnDisk, CancellationToken cancellationToken)
    {
        if (File.Exists(target) && (file.Size is null || new FileInfo(target).Length == file.Size))
        {
            onBytesOnDisk?.Invoke(new FileInfo(target).Length);
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partPath = target + ".part";
        await using (var part = OpenPart(partPath, file))
        {
            await FetchAsync(dataset, file, part, onBytesOnDisk, cancellationToken);
            await VerifyAsync(dataset, file, part, cancellationToken);
        }
        File.Move(partPath, target, overwrite: true);
        return true;
    }

    private static FileStream OpenPart(string partPath, HubFile file)
    {
        try
        {
            // Unbuffered, so that what is on disk is exactly what arrived; exclusive, so two imports cannot interleave.
            return new FileStream(partPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (IOException e)
        {
            throw new HubException($"Cannot write {partPath} for {file.Path}: {e.Message} (is another import downloading it?)", null, e);
        }
    }

    private async Task FetchAsync(HubDatasetId dataset, HubFile file, FileStream part, Action<long>? onBytesOnDisk, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var offset = part.Length;
            if (file.Size is { } size && offset >= size)
            {
                if (offset == size) return;
                part.SetLength(offset = 0);
            }

            using var response = await http.GetAsync(file.DownloadUri, offset > 0 ? offset : null, cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange?.From == offset:
                    break;
                case HttpStatusCode.OK:
                    if (offset > 0) logger.LogInformation("The server ignored the range for {File}; downloading it from the start", file.Path);
                    part.SetLength(offset = 0);
                    break;
                case HttpStatusCode.RequestedRangeNotSatisfiable when file.Size is null && response.Content.Headers.ContentRange?.Length == offset:
                    return;
                case HttpStatusCode.PartialContent or HttpStatusCode.RequestedRangeNotSatisfiable:
                    // A range other than the one asked for, or a part that does not fit the file: start again rather than guess.
                    if (attempt >= options.MaxRetries)
                        throw new HubException($"The Hub kept answering the download of {file.Path} of {dataset} with unusable ranges.", response.StatusCode);
                    part.SetLength(0);
                    continue;
                default:
                    throw HubErrors.FromResponse(response, dataset, file.Path, options);
            }

            try
            {
                part.Position = offset;
                await CopyAsync(response, part, onBytesOnDisk, cancellationToken);
                return;
            }
            catch (Exception e) when (HubHttp.IsTransient(e, cancellationToken) && attempt < options.MaxRetries)
            {
                var delay = http.Backoff(attempt);
                logger.LogWarning("Download of {File} broke off at byte {Bytes} ({Error}); resuming in {Delay}",
                    file.Path, part.Length, HubHttp.Describe(e), delay);
                await Task.Delay(delay, cancellationToken);
            }
            catch (Exception e) when (HubHttp.IsTransient(e, cancellationToken))
            {
                throw new HubException($"The download of {file.Path} of {dataset} kept breaking off ({HubHttp.Describe(e)}). " +
                    $"The {part.Length:N0} bytes received are kept; import again to resume from there.", null, e);
            }
        }
    }

    private async Task CopyAsync(HttpResponseMessage response, FileStream part, Action<long>? onBytesOnDisk, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            while (true)
            {
                idle.CancelAfter(options.ReadTimeout);
                var read = await body.ReadAsync(buffer, idle.Token);
                if (read == 0) return;
                await part.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                onBytesOnDisk?.Invoke(part.Length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task VerifyAsync(HubDatasetId dataset, HubFile file, FileStream part, CancellationToken cancellationToken)
    {
        if (file.Size is { } size && part.Length < size)
            throw new HubException($"The Hub sent {part.Length:N0} of the {size:N0} bytes of {file.Path} of {dataset}. Import again to resume.");
        var corrupt = file.Size is { } expected && part.Length != expected;
        if (!corrupt && file.Sha256 is { } sha256)
        {
            part.Position = 0;
            corrupt = !Convert.ToHexStringLower(await SHA256.HashDataAsync(part, cancellationToken)).Equals(sha256, StringComparison.Ordinal);
        }
        if (!corrupt) return;
        part.SetLength(0);
        throw new HubException($"{file.Path} of {dataset} arrived corrupt: its size or sha256 does not match the Hub's listing. " +
            "It was discarded; import again to download it afresh.");
    }
}
