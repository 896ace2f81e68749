using System.Globalization;
using Pricer.Core.Training;

namespace PricerWeb.Features.Runs;

/// <summary>
/// The new-run form's fields: the ones people change most, over a base (a preset or the run being cloned) that
/// carries every other setting unchanged.
/// </summary>
public sealed class TrainingForm
{
    public const int MaxNameLength = 200;

    private TrainingSettings _base = TrainingPresets.Seed;

    public TrainingForm() => Load(TrainingPresets.Seed);

    public string? Dataset { get; set; }

    public string Name { get; set; } = "";

    public string StartedBy { get; set; } = "";

    public int Epochs { get; set; }

    public int BatchSize { get; set; }

    public double LearningRate { get; set; }

    public OptimizerKind Optimizer { get; set; }

    public TargetKind Target { get; set; }

    public LossKind Loss { get; set; }

    /// <summary>Hidden layer sizes, comma-separated ("128,64,64").</summary>
    public string HiddenSizes { get; set; } = "";

    public double Dropout { get; set; }

    public double WeightDecay { get; set; }

    public bool CosineSchedule { get; set; }

    public int Seed { get; set; }

    public DeviceChoice Device { get; set; }

    /// <summary>Takes every field from a preset ("seed", "best") or a stored run's settings.</summary>
    public void Load(TrainingSettings settings)
    {
        _base = settings;
        Epochs = settings.Epochs;
        BatchSize = settings.BatchSize;
        LearningRate = settings.LearningRate;
        Optimizer = settings.Optimizer;
        Target = settings.Target;
        Loss = settings.Loss;
        HiddenSizes = string.Join(",", settings.Network.HiddenSizes);
        Dropout = settings.Network.Dropout;
        WeightDecay = settings.WeightDecay;
        CosineSchedule = settings.CosineSchedule;
        Seed = settings.Seed;
        Device = settings.Device;
    }

    /// <summary>The settings the fields describe, or why they cannot train (the first problem found).</summary>
    public (TrainingSettings? Settings, string? Problem) Build()
    {
        if (string.IsNullOrWhiteSpace(Dataset)) return (null, "Choose a data set to train on.");
        if (Name.Trim().Length > MaxNameLength) return (null, $"The name can be at most {MaxNameLength} characters.");
        if (StartedBy.Trim().Length > MaxNameLength) return (null, $"'Started by' can be at most {MaxNameLength} characters.");
        if (ParseSizes(HiddenSizes) is not { } sizes)
            return (null, "Hidden sizes must be whole numbers separated by commas, e.g. 128,64,64.");
        var settings = _base with
        {
            Epochs = Epochs,
            BatchSize = BatchSize,
            LearningRate = LearningRate,
            Optimizer = Optimizer,
            Target = Target,
            Loss = Loss,
            WeightDecay = WeightDecay,
            CosineSchedule = CosineSchedule,
            Seed = Seed,
            Device = Device,
            Network = _base.Network with { HiddenSizes = sizes, Dropout = Dropout },
        };
        return settings.Problem() is { } problem ? (null, problem) : (settings, null);
    }

    private static List<int>? ParseSizes(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var sizes = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var size)) return null;
            sizes.Add(size);
        }
        return sizes.Count == 0 ? null : sizes;
    }
}
