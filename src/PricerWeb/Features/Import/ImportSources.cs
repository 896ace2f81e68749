using System.Text.RegularExpressions;
using Pricer.Core.Items.Import;

namespace PricerWeb.Features.Import;

/// <summary>Turns what a user or the configuration names as a source into what the importer reads.</summary>
public sealed partial class ImportSources(IHostEnvironment environment, IEnumerable<IRemoteDatasetSource> remotes)
{
    public const string HubPrefix = "hf:";
    public const string DefaultHubRepo = "ed-donner/items_lite";

    public string ContentRoot => environment.ContentRootPath;

    public static string FromHub(string repoId) => HubPrefix + repoId.Trim();

    /// <summary>Null when the text looks like a Hub data set id ("owner/name"), else what is wrong.</summary>
    public static string? ValidateHubRepo(string? repoId) => HubRepoId().IsMatch(repoId?.Trim() ?? "")
        ? null
        : $"Enter a Hugging Face data set as owner/name, for example {DefaultHubRepo}.";

    public bool IsRemote(string source) => remotes.Any(r => r.CanResolve(source));

    /// <summary>An absolute path; relative ones start at the content root (the repository root in a clone).</summary>
    public string ResolveLocal(string path) => Path.GetFullPath(path.Trim(), environment.ContentRootPath);

    /// <summary>Null when the path names an existing file or folder, else what is wrong.</summary>
    public string? CheckLocal(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return "Enter the path of a file or folder on the server.";
        if (path.Contains('\0')) return "That is not a valid path.";
        var full = ResolveLocal(path);
        return File.Exists(full) || Directory.Exists(full) ? null : $"There is no file or folder at {full}.";
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,95}/[A-Za-z0-9][A-Za-z0-9._-]{0,95}\z")]
    private static partial Regex HubRepoId();
}
