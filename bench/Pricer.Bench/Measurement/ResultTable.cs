namespace Pricer.Bench.Measurement;

/// <summary>Figures against their targets, printed as a table; a ratio at or under 1.00 meets the target.</summary>
internal sealed class ResultTable
{
    private readonly List<(string Bench, string Measure, double Value, string Unit, double? Target)> _rows = [];

    public void Add(string bench, string measure, double value, string unit, double? target = null) =>
        _rows.Add((bench, measure, value, unit, target));

    public bool AllMet => _rows.All(r => r.Target is not { } target || r.Value <= target);

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"{"bench",-8} {"measure",-44} {"value",12} {"target",12} {"ratio",7}  result");
        output.WriteLine(new string('-', 96));
        foreach (var (bench, measure, value, unit, target) in _rows)
        {
            var targetText = target is { } t ? $"{t:0.##} {unit}" : "";
            var ratio = target is { } r ? $"{value / r:0.00}" : "";
            var result = target is { } limit ? (value <= limit ? "ok" : "OVER") : "";
            output.WriteLine($"{bench,-8} {measure,-44} {$"{value:0.##} {unit}",12} {targetText,12} {ratio,7}  {result}");
        }
    }
}
