namespace PricerWeb.Features.Datasets;

/// <summary>An entry of the category filter: every category (null), items without one (""), or one category.</summary>
public sealed record CategoryChoice(string? Category)
{
    public static CategoryChoice Any { get; } = new((string?)null);

    public string Label => Category switch
    {
        null => "All categories",
        "" => "(no category)",
        _ => Category.Replace('_', ' '),
    };
}
