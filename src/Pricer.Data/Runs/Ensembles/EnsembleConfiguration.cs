using System.Text.Json;

namespace Pricer.Data.Runs.Ensembles;

/// <summary>An ensemble run's configuration: its members and weights, and what they were fitted on.</summary>
/// <param name="FittedOn">How many validation items (predicted by every member) the weights were fitted on.</param>
/// <param name="ValidationError">Mean absolute error of the weighted guesses on those items.</param>
public sealed record EnsembleConfiguration(IReadOnlyList<EnsembleMember> Members, int FittedOn, double ValidationError)
{
    public const string PricerName = "ensemble";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Pricer => PricerName;

    public string Fit => "non-negative least squares on validation predictions, no intercept";

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a stored configuration; null when it is not an ensemble's.</summary>
    public static EnsembleConfiguration? TryParse(string json)
    {
        try
        {
            var parsed = JsonSerializer.Deserialize<EnsembleConfiguration>(json, Json);
            return parsed is { Pricer: PricerName, Members.Count: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
