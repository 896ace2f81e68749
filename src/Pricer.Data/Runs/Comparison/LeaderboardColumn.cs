namespace Pricer.Data.Runs.Comparison;

/// <summary>The columns the leaderboard sorts by.</summary>
public enum LeaderboardColumn
{
    Error = 0,
    Rmsle = 1,
    Hits = 2,
    Mse = 3,
    R2 = 4,
    Count = 5,
    Cost = 6,
    Duration = 7,
    Kind = 8,
    Name = 9,
    StartedBy = 10,
    Started = 11,
}
