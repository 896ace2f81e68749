using Pricer.Core.Items;

namespace Pricer.Data.Items.Browsing;

/// <summary>Which items of one data set to show.</summary>
/// <param name="Category">An exact category; "" selects the items that have none, null selects all.</param>
/// <param name="MinPrice">Lowest price shown, inclusive.</param>
/// <param name="MaxPrice">Highest price shown, inclusive.</param>
/// <param name="Search">Words that must all occur in the title or text (see <see cref="SearchText"/>).</param>
public sealed record ItemFilter(
    int DatasetId,
    Split? Split = null,
    string? Category = null,
    double? MinPrice = null,
    double? MaxPrice = null,
    string? Search = null);
