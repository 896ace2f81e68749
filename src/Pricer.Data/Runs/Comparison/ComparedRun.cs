using Pricer.Core.Evaluation;

namespace Pricer.Data.Runs.Comparison;

/// <summary>A run in a comparison, scored by the comparison's report.</summary>
public sealed record ComparedRun(PricerRun Run, EvaluationResult Result);
