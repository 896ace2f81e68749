using System.Globalization;
using CsvHelper;
using Pricer.Core.Items;

namespace Pricer.Core.Pricers.Csv;

/// <summary>
/// Reads predictions made elsewhere: a header and `item_id,guess` or `index,guess`, or the course's
/// two-column human sheet without a header (text or prompt, guess). All or nothing: any problem throws.
/// </summary>
public static class PredictionCsvReader
{
    public const long MaxBytes = 100L * 1024 * 1024;
    public const int MaxRows = 1_000_000;
    private const int MaxReportedProblems = 50;

    private static readonly string[] IdHeaders = ["item_id", "id"];
    private static readonly string[] IndexHeaders = ["index", "position"];
    private static readonly string[] GuessHeaders = ["guess", "prediction", "price"];

    public static PredictionFile Read(Stream stream, string fileName)
    {
        if (stream.CanSeek && stream.Length > MaxBytes)
            throw new PredictionFileException(fileName, [$"the file is {stream.Length:N0} bytes, over the {MaxBytes:N0}-byte limit"]);

        var problems = new List<string>();
        using var csv = CsvReader.Create(new LimitedStream(stream, MaxBytes, fileName), new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            TrackLineNumbers = true,
            MaxRecordSize = 4 * 1024 * 1024,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => problems.Add($"line {record.LineNumber}: malformed CSV ({record.Reason})"),
        });

        if (!csv.Read()) throw new PredictionFileException(fileName, ["the file is empty"]);
        var first = Cells(csv);
        var (kind, keyColumn, guessColumn, firstIsData) = Layout(first, fileName);

        var rows = new List<PredictionRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (firstIsData) Add(first, csv.LineNumber);
        while (csv.Read())
        {
            if (rows.Count >= MaxRows) throw new PredictionFileException(fileName, [$"more than {MaxRows:N0} rows"]);
            Add(Cells(csv), csv.LineNumber);
        }

        if (problems.Count > 0) throw new PredictionFileException(fileName, problems);
        if (rows.Count == 0) throw new PredictionFileException(fileName, ["no prediction rows after the header"]);
        return new PredictionFile(kind, rows);

        void Add(string[] cells, long line)
        {
            if (cells.All(string.IsNullOrWhiteSpace)) return;
            var problem = Parse(cells, keyColumn, guessColumn, kind, out var key, out var guess);
            if (problem is null && !seen.Add(key)) problem = $"duplicate row for {Describe(kind, key)}";
            if (problem is null) rows.Add(new PredictionRow(line, key, guess));
            else if (problems.Count < MaxReportedProblems) problems.Add($"line {line}: {problem}");
        }
    }

    private static (PredictionKeyKind Kind, int Key, int Guess, bool FirstIsData) Layout(string[] first, string fileName)
    {
        var headers = first.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        var guess = Array.FindIndex(headers, GuessHeaders.Contains);
        var id = Array.FindIndex(headers, IdHeaders.Contains);
        var index = Array.FindIndex(headers, IndexHeaders.Contains);
        if (guess >= 0 && id >= 0) return (PredictionKeyKind.ItemId, id, guess, false);
        if (guess >= 0 && index >= 0) return (PredictionKeyKind.Index, index, guess, false);
        if (first.Length == 2 && TryParseNumber(first[1], out _)) return (PredictionKeyKind.Text, 0, 1, true);
        throw new PredictionFileException(fileName,
        [
            $"unrecognised columns ({string.Join(", ", headers.Take(10))}): expected a header item_id,guess or index,guess, " +
            "or the course's two-column sheet without a header (text, guess)",
        ]);
    }

    private static string? Parse(string[] cells, int keyColumn, int guessColumn, PredictionKeyKind kind, out string key, out double guess)
    {
        key = "";
        guess = 0;
        if (cells.Length <= Math.Max(keyColumn, guessColumn)) return $"expected at least {Math.Max(keyColumn, guessColumn) + 1} columns, found {cells.Length}";
        key = kind == PredictionKeyKind.Text ? cells[keyColumn] : cells[keyColumn].Trim();
        if (string.IsNullOrWhiteSpace(key)) return "the item column is empty";
        if (kind == PredictionKeyKind.Index && (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 0))
            return $"index '{Shorten(key)}' is not a non-negative whole number";
        if (!TryParseNumber(cells[guessColumn], out guess)) return $"guess '{Shorten(cells[guessColumn])}' is not a number";
        if (!double.IsFinite(guess)) return "guess is not a finite number";
        if (guess < 0) return $"guess {guess} is negative";
        if (guess > ItemRules.MaxPrice) return $"guess {guess} is over {ItemRules.MaxPrice:N0}";
        return null;
    }

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text.Trim().TrimStart('$').Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out value);

    private static string[] Cells(CsvReader csv)
    {
        var cells = new string[csv.FieldCount];
        for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
        return cells;
    }

    private static string Describe(PredictionKeyKind kind, string key) => kind switch
    {
        PredictionKeyKind.Text => $"text '{Shorten(key)}'",
        PredictionKeyKind.Index => $"index {key}",
        _ => $"item {key}",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
