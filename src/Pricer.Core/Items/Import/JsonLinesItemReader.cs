using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Pricer.Core.Items.Import;

/// <summary>
/// Our own schema, one JSON object a line, plain or gzipped:
/// {"id","split","title","category","price","text","details","source"} and optionally "weight".
/// </summary>
public sealed class JsonLinesItemReader : IItemFileReader
{
    /// <summary>Far above any real item (a few KB); a longer line is reported, not buffered.</summary>
    public const int MaxLineBytes = 4 * 1024 * 1024;

    public bool CanRead(string fileName) =>
        fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase);

    public async IAsyncEnumerable<SourceRow> ReadAsync(Stream stream, ItemFile file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var gzip = file.Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true)
            : null;
        using var lines = new Utf8LineReader((Stream?)gzip ?? stream, MaxLineBytes);
        while (await lines.ReadLineAsync(cancellationToken))
        {
            if (lines.LineTooLong)
                yield return SourceRow.Broken(lines.LineNumber, $"line is over {MaxLineBytes / (1024 * 1024)} MB");
            else if (!IsBlank(lines.Line.Span))
                yield return ParseLine(lines.Line.Span, lines.LineNumber);
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    internal static SourceRow ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return SourceRow.Broken(lineNumber, "broken JSON: the line is not a JSON object");
            var fields = new RowFields();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var error = ReadProperty(ref reader, line, fields);
                if (error != null) return SourceRow.Broken(lineNumber, error);
            }
            // Anything after the object (a second value, garbage) makes Read throw.
            reader.Read();
            return SourceRow.Read(lineNumber, fields);
        }
        catch (JsonException e)
        {
            return SourceRow.Broken(lineNumber, $"broken JSON: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.InnerException is DecoderFallbackException)
        {
            return SourceRow.Broken(lineNumber, "broken JSON: a string is not valid UTF-8");
        }
    }

    private static string? ReadProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, RowFields fields)
    {
        string? error = null;
        if (reader.ValueTextEquals("id"u8)) fields.Id = ReadId(ref reader, out error);
        else if (reader.ValueTextEquals("split"u8)) fields.Split = ReadString(ref reader, "split", out error);
        else if (reader.ValueTextEquals("title"u8)) fields.Title = ReadString(ref reader, "title", out error);
        else if (reader.ValueTextEquals("category"u8)) fields.Category = ReadString(ref reader, "category", out error);
        else if (reader.ValueTextEquals("text"u8)) fields.Text = ReadString(ref reader, "text", out error);
        else if (reader.ValueTextEquals("source"u8)) fields.Source = ReadString(ref reader, "source", out error);
        else if (reader.ValueTextEquals("price"u8)) fields.Price = ReadNumber(ref reader, "price", out error);
        else if (reader.ValueTextEquals("weight"u8)) fields.Weight = ReadNumber(ref reader, "weight", out error);
        else if (reader.ValueTextEquals("details"u8)) fields.Details = ReadDetails(ref reader, line, out error);
        else
        {
            reader.Read();
            reader.Skip();
        }
        return error;
    }

    private static string? ReadString(ref Utf8JsonReader reader, string name, out string? error)
    {
        reader.Read();
        return CurrentString(ref reader, name, out error);
    }

    private static string? CurrentString(ref Utf8JsonReader reader, string name, out string? error)
    {
        error = reader.TokenType is JsonTokenType.String or JsonTokenType.Null ? null : $"{name} must be a string, not {Describe(reader.TokenType)}";
        return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
    }

    private static string? ReadId(ref Utf8JsonReader reader, out string? error)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number) return CurrentString(ref reader, "id", out error);
        error = null;
        return Encoding.UTF8.GetString(reader.ValueSpan);
    }

    private static double? ReadNumber(ref Utf8JsonReader reader, string name, out string? error)
    {
        reader.Read();
        error = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // A literal beyond double's range (1e999) is kept as infinite so the price rule names it.
                return reader.TryGetDouble(out var value) ? value : double.PositiveInfinity;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return NumberText.Parse(reader.GetString(), name, out error);
            default:
                error = $"{name} must be a number, not {Describe(reader.TokenType)}";
                return null;
        }
    }

    /// <summary>Details is a JSON object serialised as a string in our files; an object itself is kept as its JSON text.</summary>
    private static string? ReadDetails(ref Utf8JsonReader reader, ReadOnlySpan<byte> line, out string? error)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject) return CurrentString(ref reader, "details", out error);
        error = null;
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return Encoding.UTF8.GetString(line[start..(int)reader.BytesConsumed]);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.Number => "a number",
        JsonTokenType.String => "a string",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        _ => token.ToString(),
    };
}
