using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pricer.Core.Training;

/// <summary>Everything that decides how a price network is trained; stored as a run's configuration JSON.</summary>
public sealed record TrainingSettings
{
    public NetworkSettings Network { get; init; } = new();

    public LossKind Loss { get; init; } = LossKind.Mse;

    /// <summary>Where the Huber loss turns from squared to linear, in target units.</summary>
    public double HuberDelta { get; init; } = 1.0;

    public TargetKind Target { get; init; } = TargetKind.Raw;

    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    public double LearningRate { get; init; } = 1e-3;

    public double WeightDecay { get; init; }

    /// <summary>Momentum for SGD; the Adam family ignores it.</summary>
    public double Momentum { get; init; }

    public int BatchSize { get; init; } = 64;

    public int Epochs { get; init; } = 2;

    /// <summary>Cosine decay of the learning rate to 0 over all steps, after <see cref="WarmupFraction"/> of them rise linearly.</summary>
    public bool CosineSchedule { get; init; }

    public double WarmupFraction { get; init; }

    /// <summary>Largest gradient norm; null leaves gradients unclipped.</summary>
    public double? GradientClip { get; init; }

    public int Seed { get; init; } = 42;

    /// <summary>Share of the training items held out for validation loss when no validation items are given (the seed: 1%).</summary>
    public double ValidationFraction { get; init; } = 0.01;

    /// <summary>Measure validation loss on the data set's validation split (where it has one) instead of a held-out share of training items.</summary>
    public bool ValidateOnValidationSplit { get; init; }

    /// <summary>Stop after this many epochs without a better validation loss and keep the best epoch; null trains every epoch.</summary>
    public int? EarlyStoppingPatience { get; init; }

    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static TrainingSettings FromJson(string json) =>
        JsonSerializer.Deserialize<TrainingSettings>(json, JsonOptions) ?? throw new JsonException("The training settings are empty.");

    /// <summary>Why these settings cannot train, or null when they can.</summary>
    public string? Problem()
    {
        if (Network.Problem() is { } network) return network;
        if (!(LearningRate > 0 && LearningRate <= 10)) return "The learning rate must be above 0 and at most 10.";
        if (!(WeightDecay >= 0 && WeightDecay < 1)) return "Weight decay must be at least 0 and below 1.";
        if (!(Momentum >= 0 && Momentum < 1)) return "Momentum must be at least 0 and below 1.";
        if (!(HuberDelta > 0)) return "The Huber delta must be positive.";
        if (BatchSize is < 1 or > 65_536) return "The batch size must be between 1 and 65,536.";
        if (Epochs is < 1 or > 10_000) return "Epochs must be between 1 and 10,000.";
        if (!(WarmupFraction >= 0 && WarmupFraction < 1)) return "The warm-up fraction must be at least 0 and below 1.";
        if (GradientClip is { } clip && !(clip > 0)) return "The gradient clip must be positive.";
        if (!(ValidationFraction >= 0 && ValidationFraction < 1)) return "The validation fraction must be at least 0 and below 1.";
        if (EarlyStoppingPatience is < 1) return "Early-stopping patience must be at least 1 epoch.";
        return null;
    }

    /// <summary>Throws <see cref="ArgumentException"/> with <see cref="Problem"/> when the settings cannot train.</summary>
    public TrainingSettings Validated() => Problem() is { } problem ? throw new ArgumentException(problem) : this;
}
