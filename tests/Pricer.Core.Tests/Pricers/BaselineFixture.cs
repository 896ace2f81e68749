using Pricer.Core.Items;
using Pricer.Testing;

namespace Pricer.Core.Tests.Pricers;

/// <summary>tests/fixtures/baselines/items.jsonl: synthetic items whose price follows a word and the weight.</summary>
internal static class BaselineFixture
{
    private static readonly Lazy<IReadOnlyList<Item>> Items =
        new(() => JsonlItems.Read(Path.Combine(SharedData.Fixtures, "baselines", "items.jsonl")));

    public static IReadOnlyList<Item> Train => Items.Value.Where(item => item.Split == Split.Train).ToArray();

    public static IReadOnlyList<Item> Test => Items.Value.Where(item => item.Split == Split.Test).ToArray();
}
