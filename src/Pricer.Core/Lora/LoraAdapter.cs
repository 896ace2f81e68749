using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Lora;

/// <summary>One named adapter: a LoRA layer for each targeted module path, and the config that made it.</summary>
public sealed class LoraAdapter : nn.Module
{
    private readonly ModuleDict<LoraLayer> layers = new();
    private readonly Dictionary<string, LoraLayer> byPath = new(StringComparer.Ordinal);

    internal LoraAdapter(string name, LoraConfig config) : base(name)
    {
        Name = name;
        Config = config;
        RegisterComponents();
    }

    public string Name { get; }

    public LoraConfig Config { get; }

    public bool Merged { get; internal set; }

    public IReadOnlyDictionary<string, LoraLayer> Layers => byPath;

    internal void Add(string modulePath, LoraLayer layer)
    {
        byPath[modulePath] = layer;
        // Module names cannot hold dots, which every module path has.
        layers.Add((modulePath.Replace('.', '_'), layer));
    }

    public IEnumerable<Parameter> TrainableParameters() => byPath.Values.SelectMany(l => l.parameters());

    public long ParameterCount => byPath.Values.Sum(l => l.A.numel() + l.B.numel());

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var layer in byPath.Values) layer.Dispose();
            layers.Dispose();
        }
        base.Dispose(disposing);
    }
}
