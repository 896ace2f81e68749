namespace Pricer.Core.Lora.FineTuning;

/// <summary>How a LoRA fine-tune of MiniLM runs: adapter shape, schedule and how much data it reads.</summary>
public sealed record LoraFineTuneOptions
{
    public int Rank { get; init; } = 8;

    public double Alpha { get; init; } = 16;

    public double Dropout { get; init; } = 0.1;

    /// <summary>Module names among query, key, value, dense (attention output, intermediate and output).</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["query", "value"];

    public int Epochs { get; init; } = 1;

    public double LearningRate { get; init; } = 1e-3;

    public LoraSchedule Schedule { get; init; } = LoraSchedule.Linear;

    public int BatchSize { get; init; } = 16;

    /// <summary>WordPiece tokens read per item; the course's texts run to about 200.</summary>
    public int MaxTokens { get; init; } = 128;

    /// <summary>Training items used, drawn at random with <see cref="Seed"/>; null uses them all.</summary>
    public int? MaxItems { get; init; }

    public int Seed { get; init; } = 42;

    public LoraConfig ToLoraConfig() => new()
    {
        Rank = Rank,
        Alpha = Alpha,
        Dropout = Dropout,
        TargetModules = Targets,
        TaskType = "FEATURE_EXTRACTION",
        BaseModelNameOrPath = Models.MiniLm.MiniLmWeights.ModelName,
    };

    /// <summary>The learning rate of step <paramref name="step"/> (from 0) of <paramref name="totalSteps"/> under <see cref="Schedule"/>.</summary>
    public double LearningRateAt(int step, int totalSteps)
    {
        var done = (double)step / totalSteps;
        return Schedule switch
        {
            LoraSchedule.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * done)),
            LoraSchedule.Constant => LearningRate,
            _ => LearningRate * (1 - done),
        };
    }

    public void Validate()
    {
        ToLoraConfig().Validate();
        if (Epochs is < 1 or > 100) throw new ArgumentException($"Epochs must be between 1 and 100 (got {Epochs}).");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0 || LearningRate > 1) throw new ArgumentException($"The learning rate must be in (0, 1] (got {LearningRate}).");
        if (BatchSize is < 1 or > 1024) throw new ArgumentException($"The batch size must be between 1 and 1024 (got {BatchSize}).");
        if (MaxTokens is < 8 or > 512) throw new ArgumentException($"Max tokens must be between 8 and 512 (got {MaxTokens}).");
        if (!Enum.IsDefined(Schedule)) throw new ArgumentException($"Unknown learning-rate schedule {Schedule}.");
        if (MaxItems is < 2) throw new ArgumentException($"Train on at least 2 items (got {MaxItems}).");
    }
}
