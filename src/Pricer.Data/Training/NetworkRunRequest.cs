using Pricer.Core.Training;

namespace Pricer.Data.Training;

/// <summary>What to train: a data set by name, the settings, and who asked.</summary>
public sealed record NetworkRunRequest
{
    public required string Dataset { get; init; }

    public required TrainingSettings Settings { get; init; }

    /// <summary>The run's name on leaderboards; "Neural network" when not given.</summary>
    public string? Name { get; init; }

    public string StartedBy { get; init; } = Environment.UserName;

    /// <summary>
    /// An existing run (created queued by the caller) that this training completes, and whose checkpoint folder a
    /// second call resumes from; null stores a new run when training succeeds.
    /// </summary>
    public int? RunId { get; init; }
}
