using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Training;

/// <summary>Resolves a <see cref="DeviceChoice"/> to a TorchSharp device once per run.</summary>
public static class TorchDevice
{
    public static bool CudaAvailable => cuda.is_available();

    public static Device Resolve(DeviceChoice choice) => choice switch
    {
        DeviceChoice.Cpu => CPU,
        DeviceChoice.Cuda when CudaAvailable => CUDA,
        DeviceChoice.Cuda => throw new InvalidOperationException("CUDA was asked for but TorchSharp sees no CUDA device (this build links the CPU libtorch unless built with -p:TorchBackend=cuda)."),
        _ => CudaAvailable ? CUDA : CPU,
    };

    /// <summary>"cpu" or "cuda", as runs and progress show it.</summary>
    public static string Name(Device device) => device.type == DeviceType.CUDA ? "cuda" : "cpu";
}
