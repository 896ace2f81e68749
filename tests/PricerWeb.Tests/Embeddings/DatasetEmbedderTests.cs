using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Pricer.Core.Embeddings;
using Pricer.Data.Embeddings;
using Pricer.Data.Items;
using Pricer.Testing;
using PricerWeb.Tests.Datasets;

namespace PricerWeb.Tests.Embeddings;

public class DatasetEmbedderTests
{
    [Fact]
    public async Task Stopped_after_a_batch_it_goes_on_where_it_stopped_and_embeds_nothing_twice()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("sample", Path.Combine(SharedData.Fixtures, "items", "sample"));
        var datasetId = (await database.Get<SplitItems>().DatasetAsync("sample", CancellationToken.None)).Id;
        database.Get<IOptions<EmbeddingOptions>>().Value.BatchSize = 4;
        var embedder = database.Get<DatasetEmbedder>();
        using var stop = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => embedder.EmbedAsync(datasetId,
            new Reports<EmbeddingProgress>(p => { if (p.AddedThisRun > 0) stop.Cancel(); }), stop.Token));
        var afterStop = await database.Get<EmbeddingStore>().StatusAsync(datasetId, MiniLmEmbedder.ModelName, CancellationToken.None);
        var reports = new List<EmbeddingProgress>();
        var resumed = await embedder.EmbedAsync(datasetId, new Reports<EmbeddingProgress>(reports.Add), CancellationToken.None);
        var again = await embedder.EmbedAsync(datasetId, null, CancellationToken.None);

        Assert.Equal(4, afterStop.Embedded);
        Assert.Equal(10, afterStop.Total);
        Assert.Equal((10, 10, 6), (resumed.Embedded, resumed.Total, resumed.AddedThisRun));
        Assert.Equal([4, 8, 10], reports.Select(r => r.Embedded));
        Assert.Equal(0, again.AddedThisRun);
        await using var db = database.NewContext();
        Assert.Equal(10, db.ItemEmbeddings.Count());
        Assert.All(db.ItemEmbeddings.ToList(), e => Assert.Equal(384 * sizeof(float), e.Vector.Length));
    }

    [Fact]
    public async Task A_broken_model_changes_nothing_and_says_why()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportAsync("sample", Path.Combine(SharedData.Fixtures, "items", "sample"));
        var datasetId = (await database.Get<SplitItems>().DatasetAsync("sample", CancellationToken.None)).Id;
        var embedder = new DatasetEmbedder(new FailingEmbedder(), database.Get<EmbeddingStore>(), Options.Create(new EmbeddingOptions()));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => embedder.EmbedAsync(datasetId, null, CancellationToken.None));

        Assert.Equal("model file is damaged", error.Message);
        await using var db = database.NewContext();
        Assert.Empty(db.ItemEmbeddings);
    }

    private sealed class FailingEmbedder : ITextEmbedder
    {
        public string Model => "broken";
        public int Dimensions => 384;
        public IReadOnlyList<float[]> Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("model file is damaged");
    }
}
