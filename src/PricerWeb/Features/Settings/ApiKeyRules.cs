namespace PricerWeb.Features.Settings;

/// <summary>What an API key may look like before it is stored; a refusal never repeats the key.</summary>
public static class ApiKeyRules
{
    public const int MaxLength = 512;

    /// <summary>Why the key cannot be stored, or null when it can (after trimming).</summary>
    public static string? Problem(string? key)
    {
        var trimmed = key?.Trim() ?? "";
        if (trimmed.Length == 0) return "Enter a key.";
        if (trimmed.Length > MaxLength) return $"A key is at most {MaxLength} characters; this one has {trimmed.Length:N0}, so nothing was stored.";
        // Keys are header values: a line break or control character could split the Authorization header.
        if (trimmed.Any(c => c is < '!' or > '~')) return "A key is letters, digits and punctuation only (no spaces, line breaks or other characters), so nothing was stored.";
        return null;
    }
}
