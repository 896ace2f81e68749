namespace Pricer.Data.Llm;

/// <summary>The one row (id 1) of LLM spending settings an Admin sets: null amounts mean "none".</summary>
public sealed class LlmSpendingLimits
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>The budget the LLM page fills in for a new run.</summary>
    public double? DefaultRunBudgetUsd { get; set; }

    /// <summary>What all LLM runs started in one calendar month (UTC) may cost together.</summary>
    public double? MonthlyCapUsd { get; set; }

    public string? ChangedBy { get; set; }
    public DateTime? ChangedAtUtc { get; set; }
}
