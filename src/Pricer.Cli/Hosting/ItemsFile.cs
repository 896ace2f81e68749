using Pricer.Core.Items;
using Pricer.Core.Items.Import;

namespace Pricer.Cli.Hosting;

/// <summary>Reads every item of one items file (.jsonl, .jsonl.gz, .csv, .parquet) for commands that price or vectorise them.</summary>
internal static class ItemsFile
{
    /// <summary>The file's items, or the problems (a missing file, bad rows) that stop the command before it writes anything.</summary>
    public static async Task<(IReadOnlyList<Item> Items, IReadOnlyList<string> Problems)> ReadAsync(FileInfo file, CancellationToken cancellationToken)
    {
        if (!file.Exists) return ([], [$"No such file: {file.FullName}"]);
        if (ItemSourceReader.ReaderFor(file.Name) is null) return ([], [$"{file.Name}: not a supported file type ({ItemSourceReader.SupportedTypes})."]);
        var items = new List<Item>();
        var problems = new List<string>();
        try
        {
            await foreach (var row in ItemSourceReader.Read([ItemFile.Create(file.FullName, file.Name)]).WithCancellation(cancellationToken))
            {
                if (row.Item is { } item) items.Add(item);
                else if (problems.Count < 20) problems.Add($"bad row {row.BadRow}");
            }
        }
        catch (ItemSourceException e)
        {
            problems.Add(e.Message);
        }
        if (problems.Count > 0) problems.Add($"{file.Name}: nothing was written.");
        return (items, problems);
    }
}
