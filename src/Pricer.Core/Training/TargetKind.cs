using System.Text.Json.Serialization;

namespace Pricer.Core.Training;

/// <summary>What the network predicts: the raw price (the seed) or log1p(price) standardised by the training mean and deviation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TargetKind>))]
public enum TargetKind
{
    Raw,
    Log,
}
