namespace Pricer.Data.Guessing;

/// <summary>Players, the crowd and the models scored on the same campaign items, best mean error first.</summary>
public sealed record CampaignLeaderboard(Campaign Campaign, IReadOnlyList<CampaignScoreRow> Rows, IReadOnlyList<SuspiciousPattern> Suspicious);
