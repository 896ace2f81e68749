namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>How a LoRA or QLoRA fine-tune of a Llama runs; defaults follow the course's QLoRA run at a smaller rank.</summary>
public sealed record LlamaFineTuneOptions
{
    public static readonly IReadOnlyList<string> AttentionTargets = ["q_proj", "k_proj", "v_proj", "o_proj"];

    public static readonly IReadOnlyList<string> KnownTargets = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];

    public int Rank { get; init; } = 8;

    public double Alpha { get; init; } = 16;

    public double Dropout { get; init; } = 0.1;

    public IReadOnlyList<string> Targets { get; init; } = AttentionTargets;

    public int Epochs { get; init; } = 1;

    public double LearningRate { get; init; } = 1e-4;

    public int BatchSize { get; init; } = 4;

    /// <summary>Tokens of item text kept in the prompt (the course cut at 160).</summary>
    public int MaxTextTokens { get; init; } = 160;

    public int? MaxItems { get; init; }

    public int Seed { get; init; } = 42;

    public LoraConfig ToLoraConfig(string baseModel) => new()
    {
        Rank = Rank,
        Alpha = Alpha,
        Dropout = Dropout,
        TargetModules = Targets,
        TaskType = "CAUSAL_LM",
        BaseModelNameOrPath = baseModel,
    };

    public void Validate()
    {
        ToLoraConfig("llama").Validate();
        if (Targets.Except(KnownTargets).FirstOrDefault() is { } unknown)
            throw new ArgumentException($"Unknown Llama target '{unknown}': choose among {string.Join(", ", KnownTargets)}.");
        if (Epochs is < 1 or > 100) throw new ArgumentException($"Epochs must be between 1 and 100 (got {Epochs}).");
        if (!double.IsFinite(LearningRate) || LearningRate <= 0 || LearningRate > 1) throw new ArgumentException($"The learning rate must be in (0, 1] (got {LearningRate}).");
        if (BatchSize is < 1 or > 256) throw new ArgumentException($"The batch size must be between 1 and 256 (got {BatchSize}).");
        if (MaxTextTokens is < 1 or > 8192) throw new ArgumentException($"Max text tokens must be between 1 and 8192 (got {MaxTextTokens}).");
        if (MaxItems is < 2) throw new ArgumentException($"Train on at least 2 items (got {MaxItems}).");
    }
}
