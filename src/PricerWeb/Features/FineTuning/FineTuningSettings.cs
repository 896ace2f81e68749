using System.Text.Json;
using System.Text.Json.Serialization;
using Pricer.Core.Lora.FineTuning;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// What a queued fine-tuning job does, stored as its run's configuration until the run succeeds (then the runner's
/// own record replaces it): train a new adapter, or price with a saved one (<see cref="Adapter"/> set).
/// </summary>
public sealed record FineTuningSettings
{
    /// <summary>Marks a configuration written by this feature, so its factory can tell its runs from CLI ones.</summary>
    public const string JobMarker = "fine-tuning";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonRequired]
    public string Job { get; init; } = JobMarker;

    public string Base { get; init; } = FineTuningBase.MiniLm.Key;

    /// <summary>The adapter and head settings to train with; null for an evaluation.</summary>
    public LoraFineTuneOptions? Training { get; init; }

    /// <summary>The saved adapter's folder name to price with; null for training.</summary>
    public string? Adapter { get; init; }

    /// <summary>How many of the first validation and test items to price (null: all).</summary>
    public int? ScoreItems { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>The settings in a run's configuration, or null when another job (or the finished runner) wrote it.</summary>
    public static FineTuningSettings? TryFromJson(string? configuration)
    {
        if (string.IsNullOrWhiteSpace(configuration)) return null;
        try
        {
            var settings = JsonSerializer.Deserialize<FineTuningSettings>(configuration, Json);
            return settings is { Job: JobMarker } && (settings.Training is null) != (settings.Adapter is null) ? settings : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
