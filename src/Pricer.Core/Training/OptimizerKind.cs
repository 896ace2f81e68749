using System.Text.Json.Serialization;

namespace Pricer.Core.Training;

[JsonConverter(typeof(JsonStringEnumConverter<OptimizerKind>))]
public enum OptimizerKind
{
    Sgd,
    Adam,
    AdamW,
}
