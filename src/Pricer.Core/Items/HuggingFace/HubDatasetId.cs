using System.Text.RegularExpressions;

namespace Pricer.Core.Items.HuggingFace;

/// <summary>A data set repository on the Hub at one revision, from a source such as "hf:ed-donner/items_lite@main".</summary>
public sealed partial record HubDatasetId
{
    public const string Prefix = "hf:";
    private const int MaxPartLength = 96;
    private const int MaxRevisionLength = 128;

    private HubDatasetId(string owner, string name, string revision) => (Owner, Name, Revision) = (owner, name, revision);

    public string Owner { get; }

    public string Name { get; }

    public string Revision { get; }

    public string RepoId => $"{Owner}/{Name}";

    public static bool IsHubSource(string? source) => source?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Reads "hf:owner/name" or "hf:owner/name@revision"; anything else is refused before any request is made.</summary>
    /// <exception cref="ArgumentException">The source is not a well-formed Hub data set id.</exception>
    public static HubDatasetId Parse(string source, string defaultRevision)
    {
        if (!IsHubSource(source)) throw Refuse(source);
        var rest = source[Prefix.Length..];
        var at = rest.IndexOf('@');
        var repo = at < 0 ? rest : rest[..at];
        var revision = at < 0 ? defaultRevision : rest[(at + 1)..];
        var slash = repo.IndexOf('/');
        if (slash < 0) throw Refuse(source);
        var (owner, name) = (repo[..slash], repo[(slash + 1)..]);
        if (!IsValidPart(owner) || !IsValidPart(name) || !IsValidRevision(revision)) throw Refuse(source);
        return new HubDatasetId(owner, name, revision);
    }

    public override string ToString() => $"{Prefix}{RepoId}@{Revision}";

    // The Hub's own rule for repository names, narrowed to ASCII so that no name can climb out of the download folder.
    private static bool IsValidPart(string part) =>
        part.Length is > 0 and <= MaxPartLength && PartPattern().IsMatch(part) && !part.Contains("--") && !part.Contains("..");

    private static bool IsValidRevision(string revision) =>
        revision.Length is > 0 and <= MaxRevisionLength && RevisionPattern().IsMatch(revision)
        && !revision.Contains("..") && !revision.Contains("//");

    private static ArgumentException Refuse(string? source) => new(
        $"{SafeText.Quote(source)} is not a Hugging Face data set id. Write hf:owner/name or hf:owner/name@revision, where owner and " +
        "name use only letters, digits, '-', '_' and '.' (for example hf:ed-donner/items_lite).",
        nameof(source));

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_])?\z")]
    private static partial Regex PartPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_](?:[A-Za-z0-9._/-]*[A-Za-z0-9_])?\z")]
    private static partial Regex RevisionPattern();
}
