using Parquet.Serialization;
using Pricer.Core.Items;
using Pricer.Testing;

namespace PricerWeb.Tests.HuggingFace;

public class HubSharedDataTests
{
    [SkippableFact]
    public async Task Downloads_the_course_items_served_as_hub_parquet_with_every_row_of_every_split()
    {
        SharedData.Require();
        var splits = HubItemRow.SharedSplits();
        var train = splits["train"];
        await using var hub = await FakeHub.StartAsync(h => h.PageSize = 3);
        hub.Files["data/train-00000-of-00002.parquet"] = await HubItemRow.ToParquetAsync(train[..(train.Count / 2)]);
        hub.Files["data/train-00001-of-00002.parquet"] = await HubItemRow.ToParquetAsync(train[(train.Count / 2)..]);
        hub.Files["data/validation-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["validation"]);
        hub.Files["data/test-00000-of-00001.parquet"] = await HubItemRow.ToParquetAsync(splits["test"]);
        using var services = new HubTestServices(hub);

        var folder = await services.ResolveAsync("hf:ed-donner/items_lite");

        var rows = new Dictionary<Split, List<HubItemRow>>();
        foreach (var file in Directory.GetFiles(folder, "*.parquet", SearchOption.AllDirectories))
        {
            var split = Pricer.Core.Items.HuggingFace.HubSplitNames.FromPath(Path.GetRelativePath(folder, file))!.Value;
            var read = await ParquetSerializer.DeserializeAsync<HubItemRow>(file);
            rows.TryAdd(split, []);
            rows[split].AddRange(read.Data);
        }
        Assert.Equal((7_948, 1_000, 2_000), (rows[Split.Train].Count, rows[Split.Validation].Count, rows[Split.Test].Count));
        Assert.Equal(splits["test"].Select(r => r.Id), rows[Split.Test].Select(r => r.Id));
        Assert.Equal(splits["test"][0].Summary, rows[Split.Test][0].Summary);
    }
}
