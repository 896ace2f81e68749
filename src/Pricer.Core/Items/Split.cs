namespace Pricer.Core.Items;

/// <summary>The three parts every data set is divided into.</summary>
public enum Split
{
    Train = 0,
    Validation = 1,
    Test = 2,
}

public static class SplitNames
{
    public static IReadOnlyList<Split> All { get; } = [Split.Train, Split.Validation, Split.Test];

    /// <summary>Reads the names used by the course's files and Hugging Face ("train", "validation"/"val"/"dev", "test").</summary>
    public static bool TryParse(string? name, out Split split)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "train" or "training":
                split = Split.Train;
                return true;
            case "validation" or "valid" or "val" or "dev":
                split = Split.Validation;
                return true;
            case "test" or "testing":
                split = Split.Test;
                return true;
            default:
                split = default;
                return false;
        }
    }

    public static string ToName(this Split split) => split switch
    {
        Split.Train => "train",
        Split.Validation => "validation",
        _ => "test",
    };
}
