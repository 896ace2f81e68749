namespace Pricer.Core.Pricers.Csv;

/// <summary>A predictions file that cannot be used; <see cref="Problems"/> says where and why.</summary>
public sealed class PredictionFileException(string fileName, IReadOnlyList<string> problems)
    : Exception($"{fileName}: {problems.Count} problem(s): {string.Join("; ", problems.Take(5))}{(problems.Count > 5 ? "; ..." : "")}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
