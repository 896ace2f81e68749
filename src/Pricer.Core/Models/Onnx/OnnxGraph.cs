using System.Buffers.Binary;
using Google.Protobuf;

namespace Pricer.Core.Models.Onnx;

/// <summary>
/// The parts of an ONNX model that weight loading needs: its nodes and its float initializers. Reads the
/// protobuf wire format directly (ModelProto.graph = 7; GraphProto.node = 1, initializer = 5), so no
/// generated ONNX classes are needed.
/// </summary>
public sealed class OnnxGraph
{
    private const int FloatType = 1;

    private OnnxGraph(List<OnnxNode> nodes, Dictionary<string, OnnxInitializer> initializers)
    {
        Nodes = nodes;
        Initializers = initializers;
    }

    public IReadOnlyList<OnnxNode> Nodes { get; }

    public IReadOnlyDictionary<string, OnnxInitializer> Initializers { get; }

    public static OnnxGraph Read(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var model = new CodedInputStream(buffer.ToArray());
        ByteString? graph = null;
        try
        {
            uint tag;
            while ((tag = model.ReadTag()) != 0)
            {
                if (WireFormat.GetTagFieldNumber(tag) == 7 && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited) graph = model.ReadBytes();
                else model.SkipLastField();
            }
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new InvalidDataException($"Not an ONNX model: {e.Message}");
        }
        if (graph == null) throw new InvalidDataException("The ONNX model has no graph.");
        return ReadGraph(graph);
    }

    private static OnnxGraph ReadGraph(ByteString bytes)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new Dictionary<string, OnnxInitializer>(StringComparer.Ordinal);
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1:
                    nodes.Add(ReadNode(input.ReadBytes()));
                    break;
                case 5:
                    if (ReadTensor(input.ReadBytes()) is { } tensor) initializers[tensor.Name] = tensor;
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new OnnxGraph(nodes, initializers);
    }

    private static OnnxNode ReadNode(ByteString bytes)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        string name = "", opType = "";
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: inputs.Add(input.ReadString()); break;
                case 2: outputs.Add(input.ReadString()); break;
                case 3: name = input.ReadString(); break;
                case 4: opType = input.ReadString(); break;
                default: input.SkipLastField(); break;
            }
        }
        return new OnnxNode(name, opType, inputs, outputs);
    }

    /// <summary>A float tensor, or null for other element types (the graph's int64 constants are not weights).</summary>
    private static OnnxInitializer? ReadTensor(ByteString bytes)
    {
        var dims = new List<long>();
        var floats = new List<float>();
        var dataType = 0;
        var name = "";
        ByteString? raw = null;
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var packed = WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited;
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1 when packed:
                    var dimInput = input.ReadBytes().CreateCodedInput();
                    while (!dimInput.IsAtEnd) dims.Add(dimInput.ReadInt64());
                    break;
                case 1: dims.Add(input.ReadInt64()); break;
                case 2: dataType = input.ReadInt32(); break;
                case 4 when packed:
                    var floatBytes = input.ReadBytes().Span;
                    for (var i = 0; i + 4 <= floatBytes.Length; i += 4) floats.Add(BinaryPrimitives.ReadSingleLittleEndian(floatBytes[i..]));
                    break;
                case 4: floats.Add(input.ReadFloat()); break;
                case 8: name = input.ReadString(); break;
                case 9: raw = input.ReadBytes(); break;
                default: input.SkipLastField(); break;
            }
        }
        if (dataType != FloatType) return null;
        var count = dims.Aggregate(1L, (a, b) => a * b);
        float[] values;
        if (raw != null)
        {
            var span = raw.Span;
            if (span.Length != count * 4) throw new InvalidDataException($"ONNX initializer '{name}' has {span.Length} bytes for {count} floats.");
            values = new float[count];
            for (var i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(span[(i * 4)..]);
        }
        else
        {
            if (floats.Count != count) throw new InvalidDataException($"ONNX initializer '{name}' has {floats.Count} floats for shape [{string.Join(", ", dims)}].");
            values = [.. floats];
        }
        return new OnnxInitializer(name, [.. dims], values);
    }
}
