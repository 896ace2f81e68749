using System.Diagnostics.CodeAnalysis;
using Pricer.Core.Items;

namespace Pricer.Core.Evaluation;

/// <summary>Which items a report scores (a split, and how many of its first items) and which metrics it headlines.</summary>
public sealed class ReportDefinition
{
    private ReportDefinition(string key, string name, Split split, int? size, IReadOnlyList<Metric> headline)
    {
        Key = key;
        Name = name;
        Split = split;
        Size = size;
        Headline = headline;
    }

    /// <summary>The course's 2024 report: the first 250 test items; Error, RMSLE, Hits.</summary>
    public static ReportDefinition Course2024 { get; } =
        new("course2024", "Course 2024", Split.Test, 250, [Metric.Error, Metric.Rmsle, Metric.Hits]);

    /// <summary>The course's 2025 report: the first 200 test items; Error, MSE, R².</summary>
    public static ReportDefinition Course2025 { get; } =
        new("course2025", "Course 2025", Split.Test, 200, [Metric.Error, Metric.Mse, Metric.R2]);

    /// <summary>Every item of the test split.</summary>
    public static ReportDefinition Test { get; } =
        new("test", "Test split", Split.Test, null, [Metric.Error, Metric.Rmsle, Metric.Hits, Metric.Mse, Metric.R2]);

    /// <summary>Every item of the validation split.</summary>
    public static ReportDefinition Validation { get; } =
        new("validation", "Validation split", Split.Validation, null, [Metric.Error, Metric.Rmsle, Metric.Hits, Metric.Mse, Metric.R2]);

    public static IReadOnlyList<ReportDefinition> All { get; } = [Course2024, Course2025, Test, Validation];

    /// <summary>A report over exactly the items it is given (a guessing campaign's sample); not one of <see cref="All"/>.</summary>
    public static ReportDefinition ForItems(string key, string name, Split split) =>
        new(key, name, split, null, [Metric.Error, Metric.Rmsle, Metric.Hits]);

    /// <summary>The key used in URLs, the CLI (--report) and stored data: "course2024", "course2025", "test", "validation".</summary>
    public string Key { get; }

    public string Name { get; }

    public Split Split { get; }

    /// <summary>How many of the split's first items are scored; null for the whole split.</summary>
    public int? Size { get; }

    /// <summary>The metrics this report shows first, in the course's order.</summary>
    public IReadOnlyList<Metric> Headline { get; }

    /// <summary>Finds a report by its key, ignoring case and surrounding spaces.</summary>
    public static bool TryFind(string? key, [NotNullWhen(true)] out ReportDefinition? report)
    {
        report = All.FirstOrDefault(r => string.Equals(r.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
        return report != null;
    }

    /// <summary>How many items this report covers in a split of <paramref name="splitCount"/> items.</summary>
    public int CountIn(int splitCount) => Size is { } size ? Math.Min(size, splitCount) : splitCount;

    public override string ToString() => Key;
}
