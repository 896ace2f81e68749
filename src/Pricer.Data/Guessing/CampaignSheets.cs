using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace Pricer.Data.Guessing;

/// <summary>
/// The course's human sheet for a campaign: human_in.csv (text, 0) out, and a filled human_out.csv (text, guess) in as
/// one person's guesses. The 2024 sheet wraps each text in the course's prompt; the 2025 sheet has the text alone; both are read.
/// </summary>
public sealed class CampaignSheets(IDbContextFactory<PricerDbContext> contexts, GuessService guesses)
{
    public const string PromptStart = "How much does this cost to the nearest dollar?";
    public const string PromptEnd = "Price is $";
    /// <summary>The largest filled sheet taken: the course's 250-row sheets are tens of kilobytes.</summary>
    public const long MaxSheetBytes = 20_000_000;

    private const int MaxProblems = 20;

    /// <summary>The campaign's item texts in its order; null when there is no such campaign.</summary>
    public async Task<IReadOnlyList<string>?> ExportAsync(int campaignId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken)) return null;
        return await ItemsAsync(db, campaignId).Select(i => i.Text).ToListAsync(cancellationToken);
    }

    /// <summary>Reads the whole sheet first; stores its guesses only when every row is understood.</summary>
    public async Task<SheetImportResult> ImportAsync(int campaignId, string userId, Stream sheet, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, cancellationToken))
            return new SheetImportResult(0, 0, 0, [$"There is no campaign {campaignId}."]);
        var byText = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in await ItemsAsync(db, campaignId).Select(i => new { i.Id, i.Text }).ToListAsync(cancellationToken))
            byText.TryAdd(Normalize(item.Text), item.Id);

        var problems = new List<string>();
        var rows = new List<(long ItemId, double Price)>();
        var unfilled = 0;
        using var csv = CsvReader.Create(sheet, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = false,
            MaxRecordSize = 1024 * 1024,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = record => problems.Add($"Line {record.LineNumber}: malformed CSV ({record.Reason})."),
        });
        var line = 0;
        while (csv.Read())
        {
            line++;
            if (csv.FieldCount < 2)
            {
                problems.Add($"Row {line}: a row needs two columns, the text and the guess.");
                continue;
            }
            var (text, guessText) = (csv.GetString(0), csv.GetString(1));
            if (!byText.TryGetValue(Normalize(Unwrap(text)), out var itemId))
            {
                if (line == 1 && !GuessPrice.TryParse(guessText, out _)) continue; // a header row
                problems.Add($"Row {line}: the text is not one of this campaign's items.");
            }
            else if (string.IsNullOrWhiteSpace(guessText) || guessText.Trim() == "0")
            {
                unfilled++;
            }
            else if (!GuessPrice.TryParse(guessText, out var price) || GuessPrice.Problem(price) is not null)
            {
                problems.Add($"Row {line}: '{Shorten(guessText)}' is not a guess: {(GuessPrice.TryParse(guessText, out var p) ? GuessPrice.Problem(p) : "it is not a number")}");
            }
            else
            {
                rows.Add((itemId, price));
            }
            if (problems.Count >= MaxProblems) break;
        }
        if (line == 0) problems.Add("The sheet is empty.");
        if (rows.GroupBy(r => r.ItemId).FirstOrDefault(g => g.Count() > 1) is { } twice)
            problems.Add($"The sheet prices one item {twice.Count()} times.");
        if (problems.Count > 0) return new SheetImportResult(0, unfilled, 0, problems);

        var stored = 0;
        var already = 0;
        foreach (var (itemId, price) in rows)
        {
            var outcome = await guesses.StoreAsync(campaignId, userId, itemId, price, GuessSource.Sheet, cancellationToken);
            if (outcome.IsStored) stored++;
            else if (outcome.Status == GuessStatus.Duplicate) already++;
            else problems.Add(outcome.Message);
        }
        return new SheetImportResult(stored, unfilled, already, problems);
    }

    private static IQueryable<Items.ItemRecord> ItemsAsync(PricerDbContext db, int campaignId) =>
        db.CampaignItems.Where(ci => ci.CampaignId == campaignId).OrderBy(ci => ci.Order).Join(db.Items, ci => ci.ItemId, i => i.Id, (ci, i) => i);

    /// <summary>The 2024 sheet's text is the course prompt around the item text.</summary>
    private static string Unwrap(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.StartsWith(PromptStart, StringComparison.Ordinal)) trimmed = trimmed[PromptStart.Length..];
        var end = trimmed.LastIndexOf(PromptEnd, StringComparison.Ordinal);
        if (end >= 0) trimmed = trimmed[..end];
        return trimmed;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
