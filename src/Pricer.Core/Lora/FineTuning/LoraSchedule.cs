using System.Text.Json.Serialization;

namespace Pricer.Core.Lora.FineTuning;

/// <summary>How the learning rate moves from its peak over a fine-tune's steps.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LoraSchedule>))]
public enum LoraSchedule
{
    /// <summary>Linear decay to zero, the usual LoRA warm-down.</summary>
    Linear,

    /// <summary>Half a cosine from the peak to zero.</summary>
    Cosine,

    /// <summary>The peak for every step.</summary>
    Constant,
}
