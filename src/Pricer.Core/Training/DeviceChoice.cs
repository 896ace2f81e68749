using System.Text.Json.Serialization;

namespace Pricer.Core.Training;

/// <summary>Where a network trains: Auto takes CUDA when TorchSharp sees it, else the CPU.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeviceChoice>))]
public enum DeviceChoice
{
    Auto,
    Cpu,
    Cuda,
}
