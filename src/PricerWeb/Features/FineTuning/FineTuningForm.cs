using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Lora.FineTuning.Llama;

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
    public const int MaxTextTokensLimit = 2048;

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

    /// <summary>Llama bases: hold the frozen weights as NF4 (QLoRA).</summary>
    public bool Nf4 { get; set; }

    /// <summary>Llama bases: tokens of item text kept in the course prompt.</summary>
    public int MaxTextTokens { get; set; } = new LlamaFineTuneOptions().MaxTextTokens;

    /// <summary>Switches to <paramref name="model"/> with its default targets, and its kind's usual learning rate and batch size.</summary>
    public void UseBase(FineTuningBase model)
    {
        var wasLlama = FineTuningBase.MiniLm.Key != Base;
        Base = model.Key;
        Targets = [.. model.DefaultTargets];
        Nf4 = model.Nf4;
        if (model.IsLlama == wasLlama) return;
        (LearningRate, BatchSize) = model.IsLlama
            ? (new LlamaFineTuneOptions().LearningRate, new LlamaFineTuneOptions().BatchSize)
            : (new LoraFineTuneOptions().LearningRate, new LoraFineTuneOptions().BatchSize);
    }

    /// <summary>The settings the fields describe, or every reason they cannot train.</summary>
    /// <param name="bases">The bases on offer (<see cref="FineTuningBases.All"/>); MiniLM alone when not given.</param>
    public (FineTuningSettings? Settings, IReadOnlyList<string> Problems) Build(IReadOnlyList<FineTuningBase>? bases = null)
    {
        bases ??= [FineTuningBase.MiniLm];
        var problems = new List<string>();
        var model = bases.FirstOrDefault(b => string.Equals(b.Key, Base?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (model is null) problems.Add($"Choose a base model among {string.Join(", ", bases.Select(b => b.Key))}.");
        else if (model.Problem is { } unusable) problems.Add($"{model.Key} cannot be used: {unusable}");
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
        if (model is { IsLlama: true } && MaxTextTokens is < 1 or > MaxTextTokensLimit)
            problems.Add($"Max text tokens must be from 1 to {MaxTextTokensLimit} (got {MaxTextTokens}).");
        if (problems.Count > 0) return (null, problems);

        var targets = model!.TargetModules.Where(Targets.Contains).ToList();
        if (model.IsLlama)
        {
            return (new FineTuningSettings
            {
                Base = model.Key,
                ScoreItems = ScoreItems,
                Nf4 = Nf4,
                LlamaTraining = new LlamaFineTuneOptions
                {
                    Rank = Rank,
                    Alpha = Alpha,
                    Dropout = Dropout,
                    Targets = targets,
                    Epochs = Epochs,
                    LearningRate = LearningRate,
                    BatchSize = BatchSize,
                    MaxTextTokens = MaxTextTokens,
                    MaxItems = MaxItems,
                },
            }, []);
        }
        var settings = new FineTuningSettings
        {
            Base = model.Key,
            ScoreItems = ScoreItems,
            Training = new LoraFineTuneOptions
            {
                Rank = Rank,
                Alpha = Alpha,
                Dropout = Dropout,
                Targets = targets,
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
