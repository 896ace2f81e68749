namespace Pricer.Core.Items;

/// <summary>One product as pricers see it.</summary>
/// <param name="Id">The source's identifier (an ASIN or the row's id); unique within a data set.</param>
/// <param name="Text">What pricers read: title, description, features and details.</param>
/// <param name="Details">The product's details as a JSON object string, or "" when not kept.</param>
/// <param name="Weight">Shipping weight in pounds, where the source knows it.</param>
public sealed record Item(
    string Id,
    Split Split,
    string Title,
    string Category,
    double Price,
    string Text,
    string Details,
    double? Weight,
    string Source);
