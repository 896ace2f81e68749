using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>Picks the device and compute type a Llama runs in.</summary>
public static class LlamaCompute
{
    public static Device DefaultDevice() => cuda.is_available() ? CUDA : CPU;

    /// <summary>
    /// The checkpoint's own half type on a GPU (bf16 for Llama 3.x, fp16 where the config says so), float32 on the
    /// CPU, where libtorch's half-precision matmuls are slow and partly missing.
    /// </summary>
    public static ScalarType Dtype(Device device, LlamaConfig config) =>
        device.type != DeviceType.CUDA ? ScalarType.Float32 : config.TorchDtype switch
        {
            "bfloat16" => ScalarType.BFloat16,
            "float16" => ScalarType.Float16,
            _ => ScalarType.Float32,
        };
}
