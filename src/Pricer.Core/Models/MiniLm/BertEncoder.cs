using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

#pragma warning disable IDE1006 // Field names are the Hugging Face module names, so weights and PEFT keys line up.
public sealed class BertEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<BertLayer> layer;

    public BertEncoder(BertConfig config) : base(nameof(BertEncoder))
    {
        layer = new ModuleList<BertLayer>([.. Enumerable.Range(0, config.Layers).Select(_ => new BertLayer(config))]);
        RegisterComponents();
    }

    public int LayerCount => layer.Count;

    public override Tensor forward(Tensor hidden, Tensor maskBias) => Run(hidden, maskBias, 0, layer.Count);

    /// <summary>Layers <paramref name="from"/> up to (not including) <paramref name="to"/> over <paramref name="hidden"/>.</summary>
    public Tensor Run(Tensor hidden, Tensor maskBias, int from, int to)
    {
        for (var i = from; i < to; i++) hidden = layer[i].call(hidden, maskBias);
        return hidden;
    }
}
