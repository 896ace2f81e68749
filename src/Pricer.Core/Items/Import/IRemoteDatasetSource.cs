namespace Pricer.Core.Items.Import;

/// <summary>
/// A source that is not a local path (e.g. "hf:owner/name"): it is fetched into a local folder of split
/// files, which the importer then reads like any folder.
/// </summary>
public interface IRemoteDatasetSource
{
    bool CanResolve(string source);

    /// <summary>Downloads (or resumes downloading) the source and returns the local folder holding its files.</summary>
    Task<string> ResolveAsync(string source, string downloadRoot, IProgress<ImportProgress>? progress, CancellationToken cancellationToken);
}
