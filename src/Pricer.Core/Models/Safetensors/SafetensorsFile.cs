using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pricer.Core.Models.Safetensors;

/// <summary>
/// Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header naming each
/// tensor's dtype, shape and byte range, then the raw tensor bytes.
/// </summary>
public static class SafetensorsFile
{
    /// <summary>Header larger than this is refused: real headers are a few hundred kilobytes at most.</summary>
    public const long MaxHeaderBytes = 100_000_000;

    public static Dictionary<string, SafeTensor> Read(string path, IDictionary<string, string>? metadata = null)
    {
        using var stream = File.OpenRead(path);
        return Read(stream, metadata, Path.GetFileName(path));
    }

    public static Dictionary<string, SafeTensor> Read(Stream stream, IDictionary<string, string>? metadata = null, string name = "safetensors data")
    {
        var header = ReadHeader(stream, name);
        using var body = new MemoryStream();
        stream.CopyTo(body);
        var bytes = body.GetBuffer().AsSpan(0, (int)body.Length);
        var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        foreach (var (key, entry) in Entries(header, name, bytes.Length, metadata))
            tensors[key] = new SafeTensor(entry.DType, [.. entry.Shape], bytes[(int)entry.Begin..(int)entry.End].ToArray());
        return tensors;
    }

    /// <summary>Reads the length-prefixed JSON header, leaving <paramref name="stream"/> at the first data byte.</summary>
    internal static JsonObject ReadHeader(Stream stream, string name)
    {
        var lengthBytes = new byte[8];
        if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
            throw new SafetensorsException($"{name} is too short to be a safetensors file (no 8-byte header length).");
        var headerLength = BinaryPrimitives.ReadInt64LittleEndian(lengthBytes);
        if (headerLength <= 1 || headerLength > MaxHeaderBytes)
            throw new SafetensorsException($"{name} declares a header of {headerLength} bytes, which is not a valid safetensors header.");
        var headerBytes = new byte[headerLength];
        if (stream.ReadAtLeast(headerBytes, (int)headerLength, throwOnEndOfStream: false) < headerLength)
            throw new SafetensorsException($"{name} ends inside its {headerLength}-byte header.");
        try
        {
            return JsonNode.Parse(headerBytes) as JsonObject
                ?? throw new SafetensorsException($"{name}: the header is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new SafetensorsException($"{name}: the header is not valid JSON ({e.Message}).");
        }
    }

    /// <summary>Every tensor entry of a header, checked against the <paramref name="dataLength"/> bytes that follow it.</summary>
    internal static IEnumerable<KeyValuePair<string, SafetensorsEntry>> Entries(JsonObject header, string name, long dataLength, IDictionary<string, string>? metadata = null)
    {
        foreach (var (key, value) in header)
        {
            if (key == "__metadata__")
            {
                if (metadata != null && value is JsonObject meta)
                    foreach (var (metaKey, metaValue) in meta) metadata[metaKey] = metaValue?.GetValue<string>() ?? "";
                continue;
            }
            yield return KeyValuePair.Create(key, ReadEntry(name, key, value, dataLength));
        }
    }

    public static void Write(string path, IReadOnlyDictionary<string, SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory != null) Directory.CreateDirectory(directory);
        using var stream = File.Create(path);
        Write(stream, tensors, metadata);
    }

    public static void Write(Stream stream, IReadOnlyDictionary<string, SafeTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
            header["__metadata__"] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value))));
        var ordered = tensors.OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        long offset = 0;
        foreach (var (key, tensor) in ordered)
        {
            header[key] = new JsonObject
            {
                ["dtype"] = tensor.DType.ToString(),
                ["shape"] = new JsonArray([.. tensor.Shape.Select(d => (JsonNode?)JsonValue.Create(d))]),
                ["data_offsets"] = new JsonArray(JsonValue.Create(offset), JsonValue.Create(offset + tensor.Data.Length)),
            };
            offset += tensor.Data.Length;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // The header is padded with spaces so the tensor data starts 8-byte aligned, as the reference writer does.
        var padded = (json.Length + 7) / 8 * 8;
        var headerBytes = new byte[padded];
        Array.Fill(headerBytes, (byte)' ');
        json.CopyTo(headerBytes, 0);
        var length = new byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, padded);
        stream.Write(length);
        stream.Write(headerBytes);
        foreach (var (_, tensor) in ordered) stream.Write(tensor.Data.Span);
    }

    private static SafetensorsEntry ReadEntry(string name, string key, JsonNode? value, long dataLength)
    {
        if (value is not JsonObject entry)
            throw new SafetensorsException($"{name}: tensor '{key}' has no dtype/shape/data_offsets object.");
        try
        {
            var dtypeText = entry["dtype"]?.GetValue<string>();
            if (!Enum.TryParse<SafetensorsDType>(dtypeText, ignoreCase: false, out var dtype) || !Enum.IsDefined(dtype))
                throw new SafetensorsException($"{name}: tensor '{key}' has dtype '{dtypeText}'; only F32, F16 and BF16 are read.");
            var shape = (entry["shape"] as JsonArray ?? throw new SafetensorsException($"{name}: tensor '{key}' has no shape."))
                .Select(d => d!.GetValue<long>()).ToArray();
            if (shape.Any(d => d < 0)) throw new SafetensorsException($"{name}: tensor '{key}' has a negative dimension.");
            var offsets = entry["data_offsets"] as JsonArray;
            if (offsets is not { Count: 2 }) throw new SafetensorsException($"{name}: tensor '{key}' needs data_offsets [begin, end].");
            var begin = offsets[0]!.GetValue<long>();
            var end = offsets[1]!.GetValue<long>();
            var expected = shape.Aggregate(1L, (a, b) => checked(a * b)) * SafeTensor.ElementSize(dtype);
            if (begin < 0 || end < begin || end > dataLength)
                throw new SafetensorsException($"{name}: tensor '{key}' points at bytes {begin}..{end}, outside the {dataLength} data bytes.");
            if (end - begin != expected)
                throw new SafetensorsException($"{name}: tensor '{key}' holds {end - begin} bytes but its shape and dtype need {expected}.");
            return new SafetensorsEntry(dtype, shape, begin, end);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException or NullReferenceException)
        {
            throw new SafetensorsException($"{name}: tensor '{key}' has a malformed entry ({e.Message}).");
        }
    }
}
