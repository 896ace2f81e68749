namespace Pricer.Core.Items.HuggingFace;

/// <summary>Text from a user or a server as it may safely appear in a message or a log line: printable and short.</summary>
internal static class SafeText
{
    private const int MaxLength = 80;

    public static string Quote(string? text)
    {
        if (text is null) return "(nothing)";
        var printable = new string(text.Take(MaxLength).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return $"'{printable}{(text.Length > MaxLength ? "…" : "")}'";
    }
}
