using System.Text.Json;
using Pricer.Core.Pricers.Knn;

namespace Pricer.Data.Runs.Knn;

/// <summary>A kNN run's configuration as stored with it; the weighting and validation errors are filled in once chosen.</summary>
public sealed record KnnConfiguration(string Model, int K)
{
    public const string PricerName = "knn";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public string Pricer => PricerName;

    public KnnWeighting? Weighting { get; init; }

    /// <summary>Mean absolute validation error of each weighting, the figures the choice was made on.</summary>
    public IReadOnlyDictionary<KnnWeighting, double>? ValidationError { get; init; }

    public string RunName => $"kNN k={K} ({Model})";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored configuration; null when it is not a kNN run's.</summary>
    public static KnnConfiguration? TryParse(string json)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<KnnConfiguration>(json, Json);
            return parsed is { Pricer: PricerName, K: > 0 } && !string.IsNullOrEmpty(parsed.Model) ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
