using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.Extensions.Options;
using Pricer.Core.Lora;
using Pricer.Data;
using Pricer.Data.Lora;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// What the adapters page downloads: a PEFT adapter folder as a zip, and the base with the
/// adapter merged into its weights, written once to &lt;data&gt;/merged/&lt;base&gt;/&lt;name&gt;.safetensors and served from there.
/// </summary>
public sealed class AdapterExports(IOptions<StorageOptions> storage, FineTuningBases bases)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _merging = new(StringComparer.Ordinal);

    /// <summary>
    /// The adapter folder zipped into a temporary file, open for reading and deleted when the stream closes. A file
    /// rather than the response body, because the zip writer flushes synchronously, which Kestrel refuses.
    /// </summary>
    public static async Task<Stream> ZipAsync(string folder, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"pricer-adapter-{Guid.NewGuid():N}.zip");
        await Task.Run(() => ZipFile.CreateFromDirectory(folder, path, CompressionLevel.Fastest, includeBaseDirectory: false), cancellationToken);
        return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81_920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
    }

    /// <summary>The merged safetensors file of an adapter, merging it first when no earlier download did.</summary>
    /// <exception cref="LoraFormatException">The adapter folder cannot be read.</exception>
    /// <exception cref="Pricer.Core.Models.Llama.LlamaFormatException">The Llama base folder cannot be read.</exception>
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
            var model = bases.Find(baseKey) ?? throw new LoraFormatException($"There is no base model '{baseKey}'.");
            await Task.Run(() => model.IsLlama ? AdapterMerge.Llama(model.Folder!, folder, temporary) : AdapterMerge.MiniLm(folder, temporary), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        finally
        {
            gate.Release();
        }
    }
}
