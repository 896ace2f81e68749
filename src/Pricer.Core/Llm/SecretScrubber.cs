namespace Pricer.Core.Llm;

/// <summary>Removes a secret from text that may reach a user, a log or the database (servers echo keys in errors).</summary>
public sealed class SecretScrubber(string? secret)
{
    public const string Mask = "***";

    public string Scrub(string text) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);
}
