namespace Pricer.Core.Lora.FineTuning;

/// <summary>How a LoRA fine-tune of MiniLM runs: adapter shape, schedule and how much data it reads.</summary>
public sealed record LoraFineTuneOptions
{
    public int Rank { get; init; } = 8;

    public double Alpha { get; init; } = 16;

    public double Dropout { get; init; } = 0.1;

    /// <summary>Module names among query, key, value, dense (attention output, intermediate and output).</summary>
    public IReadOnlyList<string> Targets { get; init; } = ["query", "value"];

    /// <summary>
    /// Encoder layers (from 0) that get adapters, PEFT's layers_to_transform; null adapts all. When every adapted layer is
    /// at or above some layer k &gt; 0, the frozen states entering layer k are computed once (<see cref="FrozenHiddenCache"/>)
    /// and each epoch runs only layers k and up.
    /// </summary>
    public IReadOnlyList<int>? LayersToTransform { get; init; }

    public int Epochs { get; init; } = 1;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Peak learning rate of the regression head (it starts from random weights); null uses <see cref="LearningRate"/>.</summary>
    public double? HeadLearningRate { get; init; }

    /// <summary>
    /// Weight of a second loss term, the MSE of the implied price (exp of the log output) against the true price, both
    /// divided by the training prices' standard deviation; it pulls expensive items' guesses up where log MSE alone shrinks them.
    /// </summary>
    public double RawPriceLossWeight { get; init; }

    /// <summary>
    /// Price with the log-normal mean exp(mu + s^2/2) instead of the median exp(mu), s^2 being the log-price MSE on
    /// the validation items (on the training items when there are none).
    /// </summary>
    public bool MeanCalibration { get; init; }

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
        LayersToTransform = LayersToTransform,
        TaskType = "FEATURE_EXTRACTION",
        BaseModelNameOrPath = Models.MiniLm.MiniLmWeights.ModelName,
    };

    /// <summary>The learning rate of step <paramref name="step"/> (from 0) of <paramref name="totalSteps"/> under <see cref="Schedule"/>.</summary>
    public double LearningRateAt(int step, int totalSteps) => LearningRate * ScheduleFactor(step, totalSteps);

    /// <summary>The head's learning rate at <paramref name="step"/>: <see cref="HeadLearningRate"/> under the same schedule.</summary>
    public double HeadLearningRateAt(int step, int totalSteps) => (HeadLearningRate ?? LearningRate) * ScheduleFactor(step, totalSteps);

    private double ScheduleFactor(int step, int totalSteps)
    {
        var done = (double)step / totalSteps;
        return Schedule switch
        {
            LoraSchedule.Cosine => 0.5 * (1 + Math.Cos(Math.PI * done)),
            LoraSchedule.Constant => 1,
            _ => 1 - done,
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
        if (HeadLearningRate is { } head && (!double.IsFinite(head) || head <= 0 || head > 1)) throw new ArgumentException($"The head's learning rate must be in (0, 1] (got {head}).");
        if (!double.IsFinite(RawPriceLossWeight) || RawPriceLossWeight < 0) throw new ArgumentException($"The raw-price loss weight must be 0 or more (got {RawPriceLossWeight}).");
        if (MaxItems is < 2) throw new ArgumentException($"Train on at least 2 items (got {MaxItems}).");
    }
}
