using Pricer.Core.Lora.FineTuning;

namespace PricerWeb.Features.FineTuning;

/// <summary>
/// The fine-tuning form's fields and their checks. The bounds are tighter than the engine's, to catch typos
/// (r=800 on a 384-wide model, a learning rate of 5) before a run is queued.
/// </summary>
public sealed class FineTuningForm
{
    public const int MaxRank = 256;
    public const double MaxAlpha = 1024;
    public const double MaxLearningRate = 0.1;
    public const int MaxEpochs = 100;
    public const int MaxNameLength = 200;

    public string Base { get; set; } = FineTuningBase.MiniLm.Key;

    public string? Dataset { get; set; }

    public string Name { get; set; } = "";

    public int Rank { get; set; } = 8;

    public double Alpha { get; set; } = 16;

    public double Dropout { get; set; } = 0.1;

    public HashSet<string> Targets { get; set; } = [.. FineTuningBase.MiniLm.DefaultTargets];

    public int Epochs { get; set; } = 1;

    public double LearningRate { get; set; } = 1e-3;

    public LoraSchedule Schedule { get; set; } = LoraSchedule.Linear;

    public int BatchSize { get; set; } = 16;

    /// <summary>Training items drawn at random; empty trains on the whole training split.</summary>
    public int? MaxItems { get; set; } = 2_000;

    /// <summary>How many of the first validation and test items the finished adapter prices; empty prices them all.</summary>
    public int? ScoreItems { get; set; } = 250;

    /// <summary>The settings the fields describe, or every reason they cannot train.</summary>
    public (FineTuningSettings? Settings, IReadOnlyList<string> Problems) Build()
    {
        var problems = new List<string>();
        var model = FineTuningBase.Find(Base);
        if (model is null) problems.Add($"Choose a base model among {string.Join(", ", FineTuningBase.All.Select(b => b.Key))}.");
        if (string.IsNullOrWhiteSpace(Dataset)) problems.Add("Choose a data set to train on.");
        if (Name.Trim().Length > MaxNameLength) problems.Add($"The name can be at most {MaxNameLength} characters.");
        if (Rank is < 1 or > MaxRank) problems.Add($"r must be a whole number from 1 to {MaxRank} (got {Rank}).");
        if (!double.IsFinite(Alpha) || Alpha <= 0 || Alpha > MaxAlpha) problems.Add($"Alpha must be above 0 and at most {MaxAlpha} (got {Alpha}).");
        if (!double.IsFinite(Dropout) || Dropout is < 0 or >= 1) problems.Add($"Dropout must be at least 0 and below 1 (got {Dropout}).");
        if (Targets.Count == 0) problems.Add("Pick at least one target module.");
        else if (model is not null && Targets.Except(model.TargetModules).FirstOrDefault() is { } unknown)
            problems.Add($"'{unknown}' is not a module of {model.Key}; choose among {string.Join(", ", model.TargetModules)}.");
        if (Epochs is < 1 or > MaxEpochs) problems.Add($"Epochs must be from 1 to {MaxEpochs} (got {Epochs}).");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0 || LearningRate > MaxLearningRate)
            problems.Add($"The learning rate must be above 0 and at most {MaxLearningRate} (got {LearningRate:G4}).");
        if (!Enum.IsDefined(Schedule)) problems.Add("Choose a learning-rate schedule.");
        if (BatchSize is < 1 or > 1024) problems.Add($"The batch size must be from 1 to 1024 (got {BatchSize}).");
        if (MaxItems is < 2) problems.Add($"Train on at least 2 items, or leave max items empty for all (got {MaxItems}).");
        if (ScoreItems is < 1) problems.Add($"Price at least 1 item, or leave it empty for all (got {ScoreItems}).");
        if (problems.Count > 0) return (null, problems);

        var settings = new FineTuningSettings
        {
            Base = model!.Key,
            ScoreItems = ScoreItems,
            Training = new LoraFineTuneOptions
            {
                Rank = Rank,
                Alpha = Alpha,
                Dropout = Dropout,
                Targets = [.. model.TargetModules.Where(Targets.Contains)],
                Epochs = Epochs,
                LearningRate = LearningRate,
                Schedule = Schedule,
                BatchSize = BatchSize,
                MaxItems = MaxItems,
            },
        };
        return (settings, []);
    }
}
