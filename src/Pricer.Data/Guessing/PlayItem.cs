namespace Pricer.Data.Guessing;

/// <summary>The item a player is asked to price, without its price; Done/Total count this player's guesses.</summary>
public sealed record PlayItem(long ItemId, string Title, string Category, string Text, string Details, int Done, int Total);
