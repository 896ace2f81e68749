using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Pricer.Core.Items.Import;

/// <summary>One column of one row group, as text, floating-point or integer values.</summary>
internal sealed class ParquetColumn
{
    public enum Kind { Text, Real, Integer }

    private string?[]? _text;
    private double?[]? _real;
    private long?[]? _integer;

    /// <summary>Parquet.Net types string columns as ReadOnlyMemory&lt;char&gt;; they are read as strings all the same.</summary>
    public static Kind? KindOf(DataField field) => field.ClrType == typeof(ReadOnlyMemory<char>) ? Kind.Text : Type.GetTypeCode(field.ClrType) switch
    {
        TypeCode.String => Kind.Text,
        TypeCode.Double or TypeCode.Single => Kind.Real,
        TypeCode.Int32 or TypeCode.Int64 => Kind.Integer,
        _ => null,
    };

    public static async Task<ParquetColumn> ReadAsync(ParquetRowGroupReader group, DataField field, int count, CancellationToken cancellationToken)
    {
        var column = new ParquetColumn();
        switch (KindOf(field) == Kind.Text ? TypeCode.String : Type.GetTypeCode(field.ClrType))
        {
            case TypeCode.String:
                column._text = new string?[count];
                await group.ReadAsync(field, column._text.AsMemory()!, null, cancellationToken);
                break;
            case TypeCode.Double:
                column._real = await ReadAsync<double, double>(group, field, count, v => v, cancellationToken);
                break;
            case TypeCode.Single:
                column._real = await ReadAsync<float, double>(group, field, count, v => v, cancellationToken);
                break;
            case TypeCode.Int64:
                column._integer = await ReadAsync<long, long>(group, field, count, v => v, cancellationToken);
                break;
            case TypeCode.Int32:
                column._integer = await ReadAsync<int, long>(group, field, count, v => v, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"column {field.Name}: unexpected type {field.ClrType.Name}");
        }
        return column;
    }

    public string? Text(int row) =>
        _text?[row] ?? _integer?[row]?.ToString(CultureInfo.InvariantCulture) ?? _real?[row]?.ToString(CultureInfo.InvariantCulture);

    public double? Number(int row, string field, out string? error)
    {
        error = null;
        if (_text != null) return NumberText.Parse(_text[row], field, out error);
        return _real?[row] ?? _integer?[row];
    }

    private static async Task<TOut?[]> ReadAsync<TIn, TOut>(ParquetRowGroupReader group, DataField field, int count, Func<TIn, TOut> convert, CancellationToken cancellationToken)
        where TIn : struct
        where TOut : struct
    {
        var values = new TIn?[count];
        await group.ReadAsync(field, values.AsMemory(), null, cancellationToken);
        var converted = new TOut?[count];
        for (var i = 0; i < count; i++)
            converted[i] = values[i] is { } value ? convert(value) : null;
        return converted;
    }
}
