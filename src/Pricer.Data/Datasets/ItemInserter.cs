using Microsoft.Data.Sqlite;
using Pricer.Core.Items;

namespace Pricer.Data.Datasets;

/// <summary>
/// One prepared INSERT reused for every item of an import: EF's change tracker costs far more per row than
/// SQLite's own work at 800,000 items.
/// </summary>
internal sealed class ItemInserter : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _externalId, _split, _position, _title, _category, _price, _text, _details, _weight, _source;

    public ItemInserter(SqliteConnection connection, SqliteTransaction transaction, int datasetId)
    {
        _command = connection.CreateCommand();
        _command.Transaction = transaction;
        _command.CommandText = """
            INSERT INTO Items (DatasetId, ExternalId, Split, Position, Title, Category, Price, Text, Details, Weight, Source)
            VALUES ($dataset, $externalId, $split, $position, $title, $category, $price, $text, $details, $weight, $source)
            """;
        _command.Parameters.AddWithValue("$dataset", datasetId);
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

    public void Insert(Item item, int position)
    {
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
    }

    public void Dispose() => _command.Dispose();
}
