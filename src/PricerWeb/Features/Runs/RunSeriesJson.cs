using System.Text.Json;
using Pricer.Core.Runs;

namespace PricerWeb.Features.Runs;

/// <summary>A run's series as saved with it: {"series name": [[x, y], ...]}.</summary>
public static class RunSeriesJson
{
    public static string Write(IReadOnlyDictionary<string, IReadOnlyList<RunPoint>> series) =>
        JsonSerializer.Serialize(series.ToDictionary(s => s.Key, s => s.Value.Select(p => new[] { p.X, p.Y })));

    /// <summary>The saved series; empty when the text is not what <see cref="Write"/> wrote.</summary>
    public static Dictionary<string, IReadOnlyList<RunPoint>> Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            var pairs = JsonSerializer.Deserialize<Dictionary<string, double[][]>>(json) ?? [];
            return pairs.ToDictionary(s => s.Key,
                s => (IReadOnlyList<RunPoint>)s.Value.Where(p => p.Length == 2).Select(p => new RunPoint(s.Key, p[0], p[1])).ToList());
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
