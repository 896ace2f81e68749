using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Pricer.Data.Datasets;

/// <summary>
/// The full-text index (ItemSearch, contentless FTS5, rows keyed by item id) lives in its own SQLite file next to the
/// main one, attached to every connection as schema <see cref="SchemaName"/>: a second file has its own write lock, so an
/// import tokenizes on one core while it stores items on the other. Queries name ItemSearch and ItemSearchTerms
/// unqualified; the main file has no tables of those names.
/// </summary>
public static class SearchDatabase
{
    public const string SchemaName = "search";

    /// <summary>pricer.db → pricer-search.db, in the same folder.</summary>
    public static string FilePathFor(string mainFile) =>
        Path.Combine(Path.GetDirectoryName(mainFile) ?? "", Path.GetFileNameWithoutExtension(mainFile) + "-search" + Path.GetExtension(mainFile));

    /// <summary>Attaches the search file unless this (possibly pooled) connection already has it.</summary>
    internal static void Attach(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite) return;
        using var command = sqlite.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pragma_database_list WHERE name = '{SchemaName}'";
        if (Convert.ToInt64(command.ExecuteScalar()) > 0) return;
        if (sqlite.DataSource is "" or ":memory:" || new SqliteConnectionStringBuilder(sqlite.ConnectionString).Mode == SqliteOpenMode.Memory)
            throw new NotSupportedException("PricerWeb needs a database file: its search index is kept in a second file beside it.");
        command.CommandText = $"ATTACH DATABASE $path AS {SchemaName}";
        command.Parameters.AddWithValue("$path", FilePathFor(sqlite.DataSource));
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Creates the index and its vocabulary where the file is new (or was lost: <see cref="SearchIndexer.ResumeAsync"/>
    /// then rebuilds it from the items). Contentless, because FTS5 reads external content only from its own file.
    /// </summary>
    internal static async Task EnsureCreatedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            PRAGMA {SchemaName}.page_size = {DatabaseInitializer.PageSize};
            PRAGMA {SchemaName}.journal_mode = WAL;
            CREATE VIRTUAL TABLE IF NOT EXISTS {SchemaName}.ItemSearch USING fts5(Title, Text, content='', tokenize='unicode61 remove_diacritics 2');
            CREATE VIRTUAL TABLE IF NOT EXISTS {SchemaName}.ItemSearchTerms USING fts5vocab(ItemSearch, instance);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
