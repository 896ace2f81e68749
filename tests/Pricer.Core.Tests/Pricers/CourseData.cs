using Pricer.Core.Items;
using Pricer.Testing;

namespace Pricer.Core.Tests.Pricers;

/// <summary>The shared course splits, read once per test run (the caller has already called SharedData.Require()).</summary>
internal static class CourseData
{
    private static readonly Lazy<IReadOnlyList<Item>> LazyTrain = new(() => Read("train"));
    private static readonly Lazy<IReadOnlyList<Item>> LazyTest = new(() => Read("test"));

    public static IReadOnlyList<Item> Train => LazyTrain.Value;

    public static IReadOnlyList<Item> Test => LazyTest.Value;

    private static IReadOnlyList<Item> Read(string split) =>
        JsonlItems.Read(Path.Combine(SharedData.ItemsFolder, $"{split}.jsonl.gz"));
}
