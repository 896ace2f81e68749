namespace PricerWeb.Features.Datasets;

/// <summary>An entry of the category filter: every category (null), items without one (""), or one category.</summary>
public sealed record CategoryChoice(string? Category)
{
    public static CategoryChoice Any { get; } = new((string?)null);

    public string Label => Category is null ? "All categories" : Describe(Category);

    /// <summary>A category as people read it: "Toys and Games", or "(no category)".</summary>
    public static string Describe(string category) => category == "" ? "(no category)" : category.Replace('_', ' ');
}
