using Microsoft.Data.Sqlite;

namespace Pricer.Data.Datasets;

/// <summary>
/// Connection settings for a bulk load, put back afterwards because the connection returns to the pool:
/// synchronous=NORMAL is safe under WAL (a crash loses at most the last commit, never consistency), and a
/// larger page cache keeps the item indexes' B-trees in memory while they grow.
/// </summary>
internal sealed class SqliteBulkLoadSettings : IAsyncDisposable
{
    private const int BulkCacheKiB = 64 * 1024;

    private readonly SqliteConnection _connection;
    private readonly long _synchronous;
    private readonly long _cacheSize;

    private SqliteBulkLoadSettings(SqliteConnection connection, long synchronous, long cacheSize)
    {
        _connection = connection;
        _synchronous = synchronous;
        _cacheSize = cacheSize;
    }

    public static async Task<SqliteBulkLoadSettings> ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var settings = new SqliteBulkLoadSettings(
            connection,
            await ScalarAsync(connection, "PRAGMA synchronous", cancellationToken),
            await ScalarAsync(connection, "PRAGMA cache_size", cancellationToken));
        await ExecuteAsync(connection, $"PRAGMA synchronous = NORMAL; PRAGMA cache_size = -{BulkCacheKiB};", cancellationToken);
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.State != System.Data.ConnectionState.Open) return;
        await ExecuteAsync(_connection, $"PRAGMA synchronous = {_synchronous}; PRAGMA cache_size = {_cacheSize}; PRAGMA shrink_memory;", CancellationToken.None);
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
