namespace PricerWeb.Features.FineTuning;

/// <summary>One saved adapter as the adapters page lists it, with the run that trained it when that run is known.</summary>
public sealed record AdapterSummary
{
    public required string Base { get; init; }

    /// <summary>The adapter's folder name, which the download routes and evaluation runs name it by.</summary>
    public required string Name { get; init; }

    public required int Rank { get; init; }

    public required double Alpha { get; init; }

    public required IReadOnlyList<string> Targets { get; init; }

    public long? TrainableParameters { get; init; }

    public required DateTime CreatedUtc { get; init; }

    public int? RunId { get; init; }

    public string? Dataset { get; init; }

    /// <summary>The training run's mean absolute error on the validation items it priced.</summary>
    public double? ValidationError { get; init; }

    /// <summary>Whether this is the adapter that prices for its base.</summary>
    public bool Prices { get; init; }
}
