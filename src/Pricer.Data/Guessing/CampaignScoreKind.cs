namespace Pricer.Data.Guessing;

public enum CampaignScoreKind
{
    Player = 0,
    Crowd = 1,
    Model = 2,
}
