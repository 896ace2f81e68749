namespace Pricer.Core.Items.HuggingFace;

/// <summary>
/// One entry of the Hub's tree listing (GET /api/datasets/{owner}/{name}/tree/{revision}?recursive=true):
/// {"type":"file"|"directory","oid":"…","size":N,"path":"data/train-00000-of-00001.parquet","lfs":{"oid":"sha256","size":N,"pointerSize":N}}.
/// </summary>
internal sealed record HubTreeEntry(string? Type, string? Path, long Size, string? Oid, HubLfsInfo? Lfs)
{
    public bool IsParquetFile => Type == "file" && Path?.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) == true;
}

/// <summary>The large-file pointer of a tree entry: the content's sha256 and its real size.</summary>
internal sealed record HubLfsInfo(string? Oid, long Size);
