namespace Pricer.Core.Models.Safetensors;

/// <summary>
/// Reads a safetensors file one tensor at a time from its byte offsets, so multi-gigabyte checkpoint shards load
/// without the whole file in memory.
/// </summary>
public sealed class SafetensorsReader : IDisposable
{
    private readonly FileStream stream;
    private readonly long dataStart;
    private readonly Dictionary<string, SafetensorsEntry> entries;
    private readonly string name;

    public SafetensorsReader(string path)
    {
        name = Path.GetFileName(path);
        stream = File.OpenRead(path);
        try
        {
            var header = SafetensorsFile.ReadHeader(stream, name);
            dataStart = stream.Position;
            entries = new(SafetensorsFile.Entries(header, name, stream.Length - dataStart), StringComparer.Ordinal);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public IReadOnlyCollection<string> Keys => entries.Keys;

    public bool Contains(string key) => entries.ContainsKey(key);

    public SafeTensor Read(string key)
    {
        var entry = Entry(key);
        var data = new byte[entry.End - entry.Begin];
        stream.Position = dataStart + entry.Begin;
        stream.ReadExactly(data);
        return new SafeTensor(entry.DType, [.. entry.Shape], data);
    }

    public void Dispose() => stream.Dispose();

    private SafetensorsEntry Entry(string key) =>
        entries.TryGetValue(key, out var entry) ? entry : throw new SafetensorsException($"{name} has no tensor '{key}'.");
}
