using static TorchSharp.torch;

namespace Pricer.Core.Lora;

/// <summary>
/// A frozen linear layer stored other than as a TorchSharp Linear (a 4-bit quantised one): LoRA reads its shape
/// and device to build an adapter beside it, and merges by adding a delta to the weight it stands for.
/// </summary>
public interface IFrozenLinear
{
    long InFeatures { get; }

    long OutFeatures { get; }

    Device WeightDevice { get; }

    /// <summary>Adds <paramref name="delta"/> (out × in) to the weight; a quantised layer re-quantises, so this is not exactly reversible.</summary>
    void AddToWeight(Tensor delta);
}
