using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

/// <summary>Projection, residual and LayerNorm; BERT uses it after attention (in → hidden) and after the MLP.</summary>
#pragma warning disable IDE1006 // Field names are the Hugging Face module names, so weights and PEFT keys line up.
public sealed class BertSelfOutput : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly LayerNorm LayerNorm;

    public BertSelfOutput(int inFeatures, BertConfig config) : base(nameof(BertSelfOutput))
    {
        dense = nn.Linear(inFeatures, config.HiddenSize);
        LayerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hidden, Tensor residual) => LayerNorm.call(dense.call(hidden) + residual);
}
