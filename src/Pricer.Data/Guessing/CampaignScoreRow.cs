namespace Pricer.Data.Guessing;

/// <summary>
/// One pricer on a campaign's items. Bias is the mean of (guess - truth): above 0 over-guesses. MedianSeconds is
/// a player's median time per guess (null for the crowd, models and sheet imports).
/// </summary>
public sealed record CampaignScoreRow(
    string Name, CampaignScoreKind Kind, int Count, double MeanError, double Rmsle, double HitsPercent, double Bias, double? MedianSeconds);
