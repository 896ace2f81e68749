namespace Pricer.Core.Pricers.Csv;

/// <summary>How a row of a predictions file names its item.</summary>
public enum PredictionKeyKind
{
    /// <summary>The item's id (header item_id or id).</summary>
    ItemId,

    /// <summary>0-based position in the split's order (header index).</summary>
    Index,

    /// <summary>The item's text, or the course prompt that contains it (the headerless human sheet).</summary>
    Text,
}
