using System.Text.Json;
using System.Text.Json.Serialization;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Lora.FineTuning.Llama;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// What a queued fine-tuning job does, stored as its run's configuration until the run succeeds (then the runner's
/// own record replaces it): train a new MiniLM adapter (<see cref="Training"/>) or Llama one (<see cref="LlamaTraining"/>),
/// or price with a saved one (<see cref="Adapter"/>).
/// </summary>
public sealed record FineTuningSettings
{
    /// <summary>Marks a configuration written by this feature, so its factory can tell its runs from CLI ones.</summary>
    public const string JobMarker = "fine-tuning";

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonRequired]
    public string Job { get; init; } = JobMarker;

    public string Base { get; init; } = FineTuningBase.MiniLm.Key;

    /// <summary>The adapter and head settings to train MiniLM with.</summary>
    public LoraFineTuneOptions? Training { get; init; }

    /// <summary>The adapter settings to train a Llama base with.</summary>
    public LlamaFineTuneOptions? LlamaTraining { get; init; }

    /// <summary>Llama bases: hold the frozen weights as NF4 (QLoRA).</summary>
    public bool Nf4 { get; init; }

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
            var jobs = new object?[] { settings?.Training, settings?.LlamaTraining, settings?.Adapter }.Count(j => j is not null);
            return settings is { Job: JobMarker } && jobs == 1 ? settings : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
