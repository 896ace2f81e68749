namespace Pricer.Data.Items.Browsing;

/// <summary>A search hit that passed the filters, with FTS5's bm25 rank (lower is better).</summary>
internal sealed record SearchHit(long Id, double Rank);
