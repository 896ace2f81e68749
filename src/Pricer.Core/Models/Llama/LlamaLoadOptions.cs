using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>Where and how a Llama folder is loaded.</summary>
public sealed record LlamaLoadOptions
{
    /// <summary>null: CUDA where TorchSharp sees it, else the CPU.</summary>
    public Device? Device { get; init; }

    /// <summary>null: chosen from the device and config (<see cref="LlamaCompute.Dtype"/>).</summary>
    public ScalarType? Dtype { get; init; }

    /// <summary>Store the decoder's frozen linear layers as NF4 with double quantisation (QLoRA).</summary>
    public bool Nf4 { get; init; }
}
