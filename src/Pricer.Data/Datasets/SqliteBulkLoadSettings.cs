using Microsoft.Data.Sqlite;

namespace Pricer.Data.Datasets;

/// <summary>
/// Connection settings for a bulk load, put back afterwards because the connection returns to the pool:
/// synchronous=NORMAL is safe under WAL (a crash loses at most the last commit, never consistency), and a
/// larger page cache keeps the item indexes' B-trees in memory while they grow. The commit does not checkpoint: copying a
/// bulk load's gigabytes from the WAL into the database file took ~5 s of disk time inside the commit at 800,000 items,
/// while the items are visible to every reader as soon as the commit is written; SQLite's next automatic checkpoint (on a
/// later write, or when the last connection closes) copies them instead.
/// </summary>
/// <remarks>The search file gets a small cache: FTS5 appends its segments and hardly reads back.</remarks>
internal sealed class SqliteBulkLoadSettings : IAsyncDisposable
{
    private const int ItemsCacheKiB = 64 * 1024;
    private const int SearchCacheKiB = 8 * 1024;

    private readonly SqliteConnection _connection;
    private readonly string _schema;
    private readonly long _synchronous;
    private readonly long _cacheSize;
    private readonly long _autoCheckpoint;

    private SqliteBulkLoadSettings(SqliteConnection connection, string schema, long synchronous, long cacheSize, long autoCheckpoint)
    {
        _connection = connection;
        _schema = schema;
        _synchronous = synchronous;
        _cacheSize = cacheSize;
        _autoCheckpoint = autoCheckpoint;
    }

    /// <param name="schema">The attached database being loaded: main, or <see cref="SearchDatabase.SchemaName"/>.</param>
    public static async Task<SqliteBulkLoadSettings> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken, string schema = "main")
    {
        var settings = new SqliteBulkLoadSettings(
            connection,
            schema,
            await ScalarAsync(connection, $"PRAGMA {schema}.synchronous", cancellationToken),
            await ScalarAsync(connection, $"PRAGMA {schema}.cache_size", cancellationToken),
            await ScalarAsync(connection, "PRAGMA wal_autocheckpoint", cancellationToken));
        var cacheKiB = schema == SearchDatabase.SchemaName ? SearchCacheKiB : ItemsCacheKiB;
        await ExecuteAsync(connection, $"PRAGMA {schema}.synchronous = NORMAL; PRAGMA {schema}.cache_size = -{cacheKiB}; PRAGMA wal_autocheckpoint = 0;", cancellationToken);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open) return;
        await ExecuteAsync(_connection, $"PRAGMA {_schema}.synchronous = {_synchronous}; PRAGMA {_schema}.cache_size = {_cacheSize}; PRAGMA wal_autocheckpoint = {_autoCheckpoint}; PRAGMA shrink_memory;", CancellationToken.None);
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
