namespace Pricer.Data.Datasets;

/// <summary>What the search index holds of one item: its id (the index's rowid), title and text.</summary>
internal readonly record struct SearchEntry(long Id, string Title, string Text);
