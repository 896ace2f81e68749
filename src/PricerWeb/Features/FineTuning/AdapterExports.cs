using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;
using Pricer.Data;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// What the adapters page downloads: a PEFT adapter folder zipped while it streams out, and the base with the
/// adapter merged into its weights, written once to &lt;data&gt;/merged/&lt;base&gt;/&lt;name&gt;.safetensors and served from there.
/// </summary>
public sealed class AdapterExports(IOptions<StorageOptions> storage)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _merging = new(StringComparer.Ordinal);

    /// <summary>Writes every file of the adapter folder into a zip on <paramref name="destination"/>, one file at a time.</summary>
    public static async Task WriteZipAsync(string folder, Stream destination, CancellationToken cancellationToken)
    {
        await using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            var entry = zip.CreateEntry(Path.GetFileName(file), CompressionLevel.Fastest);
            await using var target = await entry.OpenAsync(cancellationToken);
            await using var source = File.OpenRead(file);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    /// <summary>The merged safetensors file of an adapter, merging it first when no earlier download did.</summary>
    /// <exception cref="LoraFormatException">The adapter folder cannot be read.</exception>
    public async Task<string> MergedFileAsync(string baseKey, string name, string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(storage.Value.DataDirectory, "merged", baseKey, name + ".safetensors");
        if (File.Exists(path)) return path;
        var gate = _merging.GetOrAdd(path, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (File.Exists(path)) return path;
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await Task.Run(() => Merge(folder, temporary), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            gate.Release();
        }
    }

    private static void Merge(string folder, string path)
    {
        using var encoder = MiniLmWeights.LoadPretrained();
        using var pricer = LoraPricer.Load(encoder, folder);
        MergedExport.Save(pricer.Lora, LoraPricer.AdapterName, path);
    }
}
