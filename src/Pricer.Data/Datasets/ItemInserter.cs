using Microsoft.Data.Sqlite;
using Pricer.Core.Items;

namespace Pricer.Data.Datasets;

/// <summary>
/// One prepared INSERT reused for every item of an import: EF's change tracker costs far more per row than
/// SQLite's own work at 800,000 items. Ids are given, not left to SQLite, so the search index learns each item's id
/// without asking.
/// </summary>
internal sealed class ItemInserter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _id, _externalId, _split, _position, _title, _category, _price, _text, _details, _weight, _source;

    private long _nextId;

    private ItemInserter(SqliteConnection connection, SqliteTransaction transaction, int datasetId, long firstId)
    {
        _nextId = firstId;
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = """
            INSERT INTO Items (Id, DatasetId, ExternalId, Split, Position, Title, Category, Price, Text, Details, Weight, Source)
            VALUES ($id, $dataset, $externalId, $split, $position, $title, $category, $price, $text, $details, $weight, $source)
            """;
        _command.Parameters.AddWithValue("$dataset", datasetId);
        _id = _command.Parameters.Add("$id", SqliteType.Integer);
        _externalId = _command.Parameters.Add("$externalId", SqliteType.Text);
        _split = _command.Parameters.Add("$split", SqliteType.Integer);
        _position = _command.Parameters.Add("$position", SqliteType.Integer);
        _title = _command.Parameters.Add("$title", SqliteType.Text);
        _category = _command.Parameters.Add("$category", SqliteType.Text);
        _price = _command.Parameters.Add("$price", SqliteType.Real);
        _text = _command.Parameters.Add("$text", SqliteType.Text);
        _details = _command.Parameters.Add("$details", SqliteType.Text);
        _weight = _command.Parameters.Add("$weight", SqliteType.Real);
        _source = _command.Parameters.Add("$source", SqliteType.Text);
        _command.Prepare();
    }

    /// <summary>
    /// Starts after the largest id Items ever had (AUTOINCREMENT's own counter), as SQLite would: the transaction holds the
    /// write lock, so no one else takes ids meanwhile, and an id of a deleted item is never given again.
    /// </summary>
    public static async Task<ItemInserter> CreateAsync(SqliteConnection connection, SqliteTransaction transaction, int datasetId,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'Items'), 0) + 1";
        var firstId = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
        return new ItemInserter(connection, transaction, datasetId, firstId);
    }

    /// <summary>Stores the item and returns what the search index needs of it.</summary>
    public SearchEntry Insert(Item item, int position)
    {
        var id = _nextId++;
        _id.Value = id;
        _externalId.Value = item.Id;
        _split.Value = (int)item.Split;
        _position.Value = position;
        _title.Value = item.Title;
        _category.Value = item.Category;
        _price.Value = item.Price;
        _text.Value = item.Text;
        _details.Value = item.Details;
        _weight.Value = item.Weight is { } weight ? weight : DBNull.Value;
        _source.Value = item.Source;
        _command.ExecuteNonQuery();
        return new SearchEntry(id, item.Title, item.Text);
    }

    public void Dispose() => _command.Dispose();
}
