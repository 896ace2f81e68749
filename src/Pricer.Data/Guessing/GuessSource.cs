namespace Pricer.Data.Guessing;

public enum GuessSource
{
    /// <summary>Typed on the play page or sent to the guesses endpoint.</summary>
    Play = 0,

    /// <summary>Imported from a filled human_out.csv sheet.</summary>
    Sheet = 1,
}
