using System.Collections;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Pricer.Core.Training;

/// <summary>
/// Reads and writes a <see cref="PriceNetwork"/> as a PyTorch state_dict file (torch.save / torch.load) with the
/// course's key names: the seed's <c>layers.N.weight</c> / <c>layers.N.bias</c>, or the 2025 network's
/// <c>input_layer</c>, <c>input_norm</c>, <c>residual_blocks.N.block.M</c>, <c>output_layer</c>. The first layer's
/// weight is stored as nn.Linear stores it (outputs x features), the transpose of ours.
/// </summary>
public static class PyTorchStateDict
{
    private const string InputWeight = "input.bag.weight";
    private const string InputBias = "input.bias";

    public static void Save(PriceNetwork network, string path)
    {
        using var scope = NewDisposeScope();
        var state = new Dictionary<string, Tensor>();
        foreach (var (name, parameter) in network.named_parameters())
        {
            var value = parameter.detach().cpu();
            state[PyTorchName(network, name)] = name == InputWeight ? value.t().contiguous() : value;
        }
        foreach (var (name, buffer) in network.named_buffers()) state[PyTorchName(network, name)] = buffer.detach().cpu();
        PyTorchPickler.PickleStateDict(path, state);
    }

    /// <summary>Copies a PyTorch state_dict's tensors into <paramref name="network"/>; every key and shape must match.</summary>
    public static void Load(PriceNetwork network, string path)
    {
        Hashtable loaded;
        try
        {
            loaded = PyTorchUnpickler.UnpickleStateDict(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a PyTorch state_dict file: {e.Message}", e);
        }
        try
        {
            var expected = network.named_parameters().Select(p => (p.name, (Tensor)p.parameter)).Concat(network.named_buffers()).ToList();
            var missing = expected.Select(e => PyTorchName(network, e.Item1)).Where(k => !loaded.ContainsKey(k)).ToList();
            if (missing.Count > 0) throw new InvalidDataException($"The state_dict lacks {string.Join(", ", missing.Take(5))}; it was saved from a different network.");
            if (loaded.Count != expected.Count)
                throw new InvalidDataException($"The state_dict has {loaded.Count} tensors where this network has {expected.Count}; it was saved from a different network.");
            using (no_grad())
            {
                foreach (var (name, target) in expected)
                {
                    var source = (Tensor)loaded[PyTorchName(network, name)]!;
                    var value = name == InputWeight ? source.t() : source;
                    if (!value.shape.SequenceEqual(target.shape))
                        throw new InvalidDataException($"{PyTorchName(network, name)} has shape [{string.Join(", ", source.shape)}], not the network's.");
                    target.copy_(value);
                }
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values.OfType<Tensor>()) tensor.Dispose();
        }
    }

    /// <summary>The key PyTorch's module gives the parameter TorchSharp names <paramref name="name"/>.</summary>
    public static string PyTorchName(PriceNetwork network, string name)
    {
        if (network.Settings.Residual)
            return name switch
            {
                InputWeight => "input_layer.weight",
                InputBias => "input_layer.bias",
                _ => name,
            };
        if (name == InputWeight) return "layers.0.weight";
        if (name == InputBias) return "layers.0.bias";
        var parts = name.Split('.');
        return $"layers.{int.Parse(parts[1]) + 1}.{parts[2]}";
    }
}
