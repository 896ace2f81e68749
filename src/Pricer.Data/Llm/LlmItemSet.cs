using Pricer.Core.Evaluation;
using Pricer.Core.Items;

namespace Pricer.Data.Llm;

/// <summary>Which items an LLM run prices: a split's first <see cref="First"/> items (a report's), the whole split, or a random sample of it.</summary>
public sealed record LlmItemSet
{
    public Split Split { get; init; } = Split.Test;

    /// <summary>Only the split's first items, in source order (a report's items); null for all.</summary>
    public int? First { get; init; }

    /// <summary>A random sample of this many items (drawn with <see cref="Seed"/>), in source order; null for no sampling.</summary>
    public int? Sample { get; init; }

    public int Seed { get; init; } = 42;

    public static LlmItemSet ForReport(ReportDefinition report) => new() { Split = report.Split, First = report.Size };

    public string Describe() => (First, Sample) switch
    {
        ({ } first, _) => $"first {first:N0} {Split.ToString().ToLowerInvariant()} items",
        (_, { } sample) => $"{sample:N0} random {Split.ToString().ToLowerInvariant()} items (seed {Seed})",
        _ => $"all {Split.ToString().ToLowerInvariant()} items",
    };

    public string? Problem() =>
        First is < 1 || Sample is < 1 ? "The number of items must be at least 1." :
        First is not null && Sample is not null ? "Choose the first items or a sample, not both." : null;

    /// <summary>The chosen rows out of the split's rows (given in source order).</summary>
    public IReadOnlyList<T> Choose<T>(IReadOnlyList<T> split)
    {
        if (First is { } first) return split.Take(first).ToList();
        if (Sample is not { } sample || sample >= split.Count) return split;
        var picked = Enumerable.Range(0, split.Count).ToArray();
        new Random(Seed).Shuffle(picked);
        return picked.Take(sample).Order().Select(i => split[i]).ToList();
    }
}
