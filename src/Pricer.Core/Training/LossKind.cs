using System.Text.Json.Serialization;

namespace Pricer.Core.Training;

/// <summary>The loss a network is trained on, measured in the target's space (raw dollars or standardised log).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LossKind>))]
public enum LossKind
{
    Mse,
    L1,
    Huber,
}
