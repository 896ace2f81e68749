using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Lora;

/// <summary>
/// The low-rank update beside one frozen linear layer: B(A(dropout(x))) · alpha/r, with dropout only in training. A starts as PEFT starts it
/// (kaiming-uniform with a = √5) and B at zero, so a fresh layer adds nothing.
/// </summary>
public sealed class LoraLayer : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Field names are the module names PEFT uses.
    private readonly Linear lora_A;
    private readonly Linear lora_B;
#pragma warning restore IDE1006

    public LoraLayer(long inFeatures, long outFeatures, int rank, double scaling, double dropoutRate)
        : base(nameof(LoraLayer))
    {
        lora_A = nn.Linear(inFeatures, rank, hasBias: false);
        lora_B = nn.Linear(rank, outFeatures, hasBias: false);
        DropoutRate = dropoutRate;
        Scaling = scaling;
        using (no_grad())
        {
            nn.init.kaiming_uniform_(lora_A.weight!, a: Math.Sqrt(5));
            nn.init.zeros_(lora_B.weight!);
        }
        RegisterComponents();
    }

    public double Scaling { get; }

    public double DropoutRate { get; }

    public Parameter A => lora_A.weight!;

    public Parameter B => lora_B.weight!;

    public override Tensor forward(Tensor input) => Update(input, training);

    /// <summary>The update for <paramref name="input"/>; dropout applies only while the frozen layer trains.</summary>
    public Tensor Update(Tensor input, bool train) =>
        lora_B.call(lora_A.call(nn.functional.dropout(input, DropoutRate, train))).mul(Scaling);

    /// <summary>ΔW = B·A·scaling, shaped like the frozen layer's weight (out × in).</summary>
    public Tensor DeltaWeight() => B.matmul(A).mul(Scaling);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            lora_A.Dispose();
            lora_B.Dispose();
        }
        base.Dispose(disposing);
    }
}
