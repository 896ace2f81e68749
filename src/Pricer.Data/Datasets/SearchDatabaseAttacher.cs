using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Pricer.Data.Datasets;

/// <summary>Attaches the search file (see <see cref="SearchDatabase"/>) to every connection EF opens.</summary>
internal sealed class SearchDatabaseAttacher : DbConnectionInterceptor
{
    public static SearchDatabaseAttacher Instance { get; } = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        SearchDatabase.Attach(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SearchDatabase.Attach(connection);
        return Task.CompletedTask;
    }
}
