using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pricer.Core.Items;

namespace Pricer.Bench.Synthetic;

/// <summary>
/// Writes SYNTHETIC items (made-up products, labelled as such in their id and source) as JSONL.gz in the
/// course's format, with field sizes like the real ones: title ~90 characters, text ~800, details a ~600
/// character JSON object, categories from the real list, log-normal prices between $1 and $1,000.
/// The same seed gives the same files.
/// </summary>
internal sealed class SyntheticItemWriter(int seed = 42)
{
    public const string SourceLabel = "SYNTHETIC benchmark item, not a real product";

    private const double LogPriceMean = 4.1;   // median ~$60
    private const double LogPriceSigma = 1.2;

    private readonly Random _random = new(seed);
    private readonly double[] _zipfCumulative = ZipfCumulative(SyntheticVocabulary.Ranked.Length);

    /// <summary>Writes {train,validation,test}.jsonl.gz into <paramref name="folder"/>.</summary>
    public void WriteDataset(string folder, int train, int validation, int test)
    {
        Directory.CreateDirectory(folder);
        WriteSplit(Path.Combine(folder, "train.jsonl.gz"), Split.Train, train);
        WriteSplit(Path.Combine(folder, "validation.jsonl.gz"), Split.Validation, validation);
        WriteSplit(Path.Combine(folder, "test.jsonl.gz"), Split.Test, test);
    }

    private void WriteSplit(string path, Split split, int count)
    {
        var partial = path + ".partial";
        using (var file = File.Create(partial))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var json = new Utf8JsonWriter(gzip, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            for (var n = 0; n < count; n++)
            {
                WriteItem(json, split, n);
                json.Flush();
                gzip.WriteByte((byte)'\n');
                json.Reset();
            }
        }
        File.Move(partial, path, overwrite: true);
    }

    private void WriteItem(Utf8JsonWriter json, Split split, int n)
    {
        var title = Title();
        var category = SyntheticVocabulary.Categories[_random.Next(SyntheticVocabulary.Categories.Length)];
        json.WriteStartObject();
        json.WriteString("id", $"synthetic-{split.ToName()}-{n:D7}");
        json.WriteString("split", split.ToName());
        json.WriteString("title", title);
        json.WriteString("category", category);
        json.WriteNumber("price", Price());
        json.WriteString("text", Text(title));
        json.WriteString("details", Details());
        json.WriteString("source", SourceLabel);
        json.WriteEndObject();
    }

    private string Title() => $"{Brand()} {Words(75)} {ModelCode()}";

    private string Text(string title)
    {
        var text = new StringBuilder(900).Append(title).Append('\n');
        while (text.Length < 800)
        {
            var sentence = Words(40 + _random.Next(80));
            text.Append(char.ToUpperInvariant(sentence[0])).Append(sentence, 1, sentence.Length - 1).Append(". ");
        }
        return text.ToString().TrimEnd();
    }

    private string Details()
    {
        var details = new Dictionary<string, string>();
        while (JsonSerializer.Serialize(details).Length < 560)
        {
            var key = SyntheticVocabulary.DetailKeys[_random.Next(SyntheticVocabulary.DetailKeys.Length)];
            details[key] = key switch
            {
                "Brand" or "Manufacturer" => Brand(),
                "Item Weight" => $"{_random.Next(1, 400) / 10.0:0.0} pounds",
                "Product Dimensions" => $"{_random.Next(1, 40)} x {_random.Next(1, 40)} x {_random.Next(1, 40)} inches",
                "Model Number" or "Item model number" => ModelCode(),
                _ => Words(12 + _random.Next(30)),
            };
        }
        return JsonSerializer.Serialize(details);
    }

    private double Price()
    {
        // Box-Muller normal on the log scale, clamped to the course's range.
        var normal = Math.Sqrt(-2 * Math.Log(1 - _random.NextDouble())) * Math.Cos(2 * Math.PI * _random.NextDouble());
        return Math.Round(Math.Clamp(Math.Exp(LogPriceMean + LogPriceSigma * normal), 1, 1000), 2);
    }

    private string Words(int length)
    {
        var words = new StringBuilder(length + 16);
        while (words.Length < length)
        {
            if (words.Length > 0) words.Append(' ');
            words.Append(Word());
        }
        return words.ToString();
    }

    private string Word()
    {
        var index = Array.BinarySearch(_zipfCumulative, _random.NextDouble());
        return SyntheticVocabulary.Ranked[index < 0 ? Math.Min(~index, _zipfCumulative.Length - 1) : index];
    }

    private string Brand() => $"Syn{(char)('A' + _random.Next(26))}{(char)('a' + _random.Next(26))}{(char)('a' + _random.Next(26))}";

    private string ModelCode() => $"{(char)('A' + _random.Next(26))}{(char)('A' + _random.Next(26))}-{_random.Next(100, 99999)}";

    private static double[] ZipfCumulative(int count)
    {
        var weights = Enumerable.Range(1, count).Select(rank => 1.0 / rank).ToArray();
        var total = weights.Sum();
        var cumulative = new double[count];
        var running = 0.0;
        for (var i = 0; i < count; i++) cumulative[i] = running += weights[i] / total;
        return cumulative;
    }
}
