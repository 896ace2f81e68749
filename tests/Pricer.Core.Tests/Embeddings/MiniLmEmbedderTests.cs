using Pricer.Core.Embeddings;
using Pricer.Core.Items;
using Pricer.Core.Tests.Pricers;
using Pricer.Testing;

namespace Pricer.Core.Tests.Embeddings;

public class MiniLmEmbedderTests
{
    private const string GalaxyCase = "Phone Case for Galaxy S21, Clear\nShock-absorbing TPU bumper with raised edges that protect the camera and screen.";
    private const string IphoneCase = "Silicone Case for iPhone 13\nSoft-touch silicone cover with microfiber lining, slim fit, wireless charging compatible.";
    private const string HoseClamps = "Stainless Steel Hose Clamp Assortment, 60 Pieces\nAdjustable worm gear clamps for fuel lines, radiator and coolant hoses.";
    private const string IceMaker = "Countertop Ice Maker, 26 lb per Day\nMakes 9 bullet-shaped cubes in 6 minutes; self-cleaning, with a scoop and removable basket.";

    [Fact]
    public void Vectors_are_384_unit_length_floats_one_per_text()
    {
        var vectors = MiniLm.Embedder.Embed([GalaxyCase, HoseClamps, ""], CancellationToken.None);

        Assert.Equal(3, vectors.Count);
        Assert.All(vectors, v => Assert.Equal(384, v.Length));
        Assert.All(vectors, v => Assert.InRange(MiniLm.Cosine(v, v), 0.999f, 1.001f));
    }

    [Fact]
    public void Similar_products_are_nearer_than_unrelated_ones()
    {
        var v = MiniLm.Embedder.Embed([GalaxyCase, IphoneCase, HoseClamps, IceMaker], CancellationToken.None);

        var cases = MiniLm.Cosine(v[0], v[1]);
        Assert.True(cases > MiniLm.Cosine(v[0], v[2]) + 0.2f, $"phone cases {cases:0.000} vs case-clamps {MiniLm.Cosine(v[0], v[2]):0.000}");
        Assert.True(cases > MiniLm.Cosine(v[0], v[3]) + 0.2f, $"phone cases {cases:0.000} vs case-ice maker {MiniLm.Cosine(v[0], v[3]):0.000}");
    }

    [Fact]
    public void The_same_text_gives_the_same_vector_alone_or_in_any_batch()
    {
        var alone = MiniLm.Embedder.Embed([IceMaker], CancellationToken.None)[0];
        var inBatch = MiniLm.Embedder.Embed([GalaxyCase, IceMaker, HoseClamps + " " + HoseClamps], CancellationToken.None)[1];
        var again = MiniLm.Embedder.Embed([IceMaker], CancellationToken.None)[0];

        Assert.Equal(alone, again);
        for (var i = 0; i < alone.Length; i++) Assert.Equal(alone[i], inBatch[i], 1e-5f);
    }

    [Fact]
    public void A_text_far_longer_than_the_model_reads_is_cut_not_refused()
    {
        var longText = string.Join(' ', Enumerable.Repeat("heavy duty stainless steel kitchen sink strainer", 500));

        var vector = MiniLm.Embedder.Embed([longText], CancellationToken.None)[0];

        Assert.InRange(MiniLm.Cosine(vector, vector), 0.999f, 1.001f);
    }

    [Fact]
    public void A_cancelled_token_stops_before_the_model_runs()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => MiniLm.Embedder.Embed([GalaxyCase], cancelled.Token));
    }

    [SkippableFact]
    public void On_course_items_the_nearest_training_item_usually_shares_the_category()
    {
        SharedData.Require();
        // 120 training items drawn across the file (it is grouped by source) and 24 test items keep the CPU time down.
        var labelled = CourseData.Train.Where(i => i.Category != "").ToList();
        var train = Enumerable.Range(0, 120).Select(n => labelled[n * labelled.Count / 120]).ToList();
        var test = CourseData.Test.Where(i => i.Category != "").Take(24).ToList();
        var vectors = MiniLm.Embedder.Embed(train.Concat(test).Select(i => i.Text).ToList(), CancellationToken.None);
        var index = new VectorIndex(384, vectors.Take(train.Count).SelectMany(v => v).ToArray(), Enumerable.Range(0, train.Count).Select(i => (long)i).ToArray());

        var sameCategory = test.Select((item, i) => train[(int)index.Search(vectors[train.Count + i], 1)[0].Id].Category == item.Category).Count(same => same);
        var chance = test.Average(t => train.Count(i => i.Category == t.Category) / (double)train.Count);

        Assert.True(sameCategory >= test.Count * 2 * chance, $"{sameCategory} of {test.Count} share the category (chance {chance:P0})");
    }
}
