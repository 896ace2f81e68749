namespace Pricer.Core.Items.Import;

/// <summary>
/// Applies the rules every format shares to the rows of one import: split, price, text and size limits,
/// details as JSON, ids present (derived where missing) and unique across all of the import's files.
/// </summary>
internal sealed class ItemValidator
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly int[] _goodRowsPerSplit = new int[SplitNames.All.Count];

    public ImportRow Validate(ItemFile file, SourceRow row)
    {
        if (row.Error != null) return Bad(file, row, row.Error);
        var fields = row.Fields!;
        if (ResolveSplit(file, fields.Split, out var splitError) is not { } split) return Bad(file, row, splitError!);
        var text = Clean(fields.Text);
        var title = Clean(fields.Title) ?? "";
        var category = Clean(fields.Category)?.Trim() ?? "";
        var details = Clean(fields.Details)?.Trim() ?? "";
        var reason = ItemRules.CheckPrice(fields.Price)
            ?? ItemRules.CheckText(text)
            ?? ItemRules.CheckTitle(title)
            ?? ItemRules.CheckCategory(category)
            ?? ItemRules.CheckDetails(details);
        if (reason != null) return Bad(file, row, reason);

        var id = Clean(fields.Id)?.Trim() is { Length: > 0 } given ? given : $"{split.ToName()}-{_goodRowsPerSplit[(int)split]}";
        if (ItemRules.CheckId(id) is { } idError) return Bad(file, row, idError);
        if (!_ids.Add(id)) return Bad(file, row, $"duplicate id \"{id}\"");

        _goodRowsPerSplit[(int)split]++;
        var weight = fields.Weight is { } w && double.IsFinite(w) ? w : (double?)null;
        var source = Clean(fields.Source) is { Length: > 0 } given2 ? given2 : file.DisplayName;
        return ImportRow.Good(new Item(id, split, title, category, fields.Price!.Value, text!, details, weight, source));
    }

    private static Split? ResolveSplit(ItemFile file, string? rowSplit, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(rowSplit))
        {
            if (SplitNames.TryParse(rowSplit, out var own)) return own;
            error = $"split \"{rowSplit}\" is not train, validation or test";
            return null;
        }
        if (file.NameSplit is { } named) return named;
        error = "no split: the row has none and the file name names none (train, validation or test)";
        return null;
    }

    /// <summary>NUL characters have no place in product text and cut strings short in some SQLite functions.</summary>
    private static string? Clean(string? value) => value != null && value.Contains('\0') ? value.Replace("\0", "") : value;

    private static ImportRow Bad(ItemFile file, SourceRow row, string reason) => ImportRow.Bad(new BadRow(file.DisplayName, row.Line, reason));
}
