using Pricer.Core.Items;
using Pricer.Core.Items.Import;

namespace Pricer.Core.Tests.Items.Import;

/// <summary>Reads a source the way the importer does, for assertions on its items and bad rows.</summary>
internal static class Rows
{
    public static async Task<(List<Item> Items, List<BadRow> BadRows)> ReadAsync(string source, params IRemoteDatasetSource[] remotes)
    {
        var files = await new ItemSourceReader(remotes).ResolveAsync(source, Path.GetTempPath(), null, CancellationToken.None);
        var rows = await ItemSourceReader.Read(files).ToListAsync();
        return (rows.Where(r => r.Item != null).Select(r => r.Item!).ToList(), rows.Where(r => r.BadRow != null).Select(r => r.BadRow!).ToList());
    }

    public static string Fixture(params string[] parts) => Path.Combine([Pricer.Testing.SharedData.Fixtures, "items", .. parts]);

    public static void AssertBadRows(IEnumerable<BadRow> actual, params (long Line, string ReasonPart)[] expected)
    {
        var list = actual.ToList();
        Assert.True(expected.Length == list.Count, $"expected {expected.Length} bad rows, got {list.Count}:\n{string.Join("\n", list)}");
        foreach (var (bad, (line, reason)) in list.Zip(expected))
        {
            Assert.True(bad.Line == line && bad.Reason.Contains(reason, StringComparison.Ordinal),
                $"expected line {line} with \"{reason}\", got {bad}");
        }
    }
}
