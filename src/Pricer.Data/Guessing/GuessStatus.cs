namespace Pricer.Data.Guessing;

public enum GuessStatus
{
    Stored = 0,
    Duplicate = 1,
    Invalid = 2,
    NotInCampaign = 3,
    Closed = 4,
    TooFast = 5,
}
