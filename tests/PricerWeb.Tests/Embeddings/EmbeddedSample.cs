using Microsoft.Extensions.DependencyInjection;
using Pricer.Data.Embeddings;
using Pricer.Data.Items;
using Pricer.Testing;
using PricerWeb.Tests.Datasets;

namespace PricerWeb.Tests.Embeddings;

/// <summary>
/// tests/fixtures/items/sample (5 train, 2 validation, 3 test items) imported into a real SQLite file and embedded
/// once with the real MiniLM model, shared by the tests of a class.
/// </summary>
public sealed class EmbeddedSample : IAsyncLifetime
{
    internal ImportDatabase Database { get; private set; } = default!;

    public int DatasetId { get; private set; }

    public T Get<T>() where T : notnull => Database.Get<T>();

    public async Task<long> IdOfAsync(string externalId)
    {
        await using var db = Database.NewContext();
        return db.Items.Single(i => i.DatasetId == DatasetId && i.ExternalId == externalId).Id;
    }

    public async Task InitializeAsync()
    {
        Database = await ImportDatabase.CreateAsync();
        await Database.ImportAsync("sample", Path.Combine(SharedData.Fixtures, "items", "sample"));
        DatasetId = (await Get<SplitItems>().DatasetAsync("sample", CancellationToken.None)).Id;
        await Get<DatasetEmbedder>().EmbedAsync(DatasetId, null, CancellationToken.None);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
