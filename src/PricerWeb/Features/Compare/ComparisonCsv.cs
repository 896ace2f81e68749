using System.Text;
using Pricer.Data.Runs.Comparison;

namespace PricerWeb.Features.Compare;

/// <summary>The item-by-item table of a comparison as CSV: one row per item, each run's guess and error, and which run came closest.</summary>
public static class ComparisonCsv
{
    public static string Write(Comparison comparison)
    {
        var runs = comparison.Runs;
        var csv = new StringBuilder();
        var header = new List<string> { "position", "item_id", "title", "category", "truth" };
        foreach (var run in runs)
        {
            header.Add(CsvText.TextField($"guess {Label(run)}"));
            header.Add(CsvText.TextField($"error {Label(run)}"));
        }
        header.Add("closest");
        csv.AppendJoin(',', header).Append("\r\n");

        foreach (var item in comparison.Items.Items)
        {
            csv.Append(item.Position).Append(',')
                .Append(CsvText.TextField(item.ItemId)).Append(',')
                .Append(CsvText.TextField(item.Title)).Append(',')
                .Append(CsvText.TextField(item.Category)).Append(',')
                .Append(CsvText.Number(item.Truth));
            for (var r = 0; r < runs.Count; r++)
            {
                csv.Append(',').Append(item.Guesses[r] is { } guess ? CsvText.Number(guess) : "")
                    .Append(',').Append(item.ErrorOf(r) is { } error ? CsvText.Number(error) : "");
            }
            csv.Append(',').Append(CsvText.TextField(string.Join(" | ", item.Closest.Select(r => Label(runs[r]))))).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Label(ComparedRun run) => $"{run.Run.Name} (#{run.Run.Id})";
}
