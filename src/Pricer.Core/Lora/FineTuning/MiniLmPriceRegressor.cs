using Pricer.Core.Models.MiniLm;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning;

/// <summary>MiniLM's mean-pooled sentence vector through one linear layer: a standardised log price per text.</summary>
public sealed class MiniLmPriceRegressor : nn.Module<TokenBatch, Tensor>
{
    public const string HeadName = "regressor";

    private readonly BertModel encoder;
#pragma warning disable IDE1006 // The head's name is its key in regression_head.safetensors.
    private readonly Linear regressor;
#pragma warning restore IDE1006

    public MiniLmPriceRegressor(BertModel encoder) : base(nameof(MiniLmPriceRegressor))
    {
        this.encoder = encoder;
        regressor = nn.Linear(encoder.Config.HiddenSize, 1);
        using (no_grad()) nn.init.zeros_(regressor.bias!);
        RegisterComponents();
    }

    public BertModel Encoder => encoder;

    public Linear Head => regressor;

    public override Tensor forward(TokenBatch batch)
    {
        using var scope = NewDisposeScope();
        var pooled = BertModel.MeanPool(encoder.call(batch), batch.AttentionMask);
        return regressor.call(pooled).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <summary>The same output from the hidden state entering encoder layer <paramref name="layer"/> (see <see cref="FrozenHiddenCache"/>).</summary>
    public Tensor ForwardFrom(Tensor hidden, Tensor attentionMask, int layer)
    {
        using var scope = NewDisposeScope();
        var pooled = BertModel.MeanPool(encoder.ForwardFrom(hidden, attentionMask, layer), attentionMask);
        return regressor.call(pooled).squeeze(-1).MoveToOuterDisposeScope();
    }
}
