using Pricer.Core.Items;
using Pricer.Core.Pricers.Baselines;

namespace Pricer.Core.Tests.Pricers;

/// <summary>Every baseline on the synthetic fixture, where price follows the word "deluxe" and the weight.</summary>
public class BaselineTests
{
    public static TheoryData<string> AllNames => [.. BaselineCatalog.All.Select(trainer => trainer.Name)];

    public static TheoryData<string> TrainedNames => ["constant", "features-lr", "bow-lr", "random-forest", "gradient-boosting"];

    public static TheoryData<string> LearnedNames => ["features-lr", "bow-lr", "random-forest", "gradient-boosting"];

    private static readonly BaselineOptions Options = new();

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Trains_and_guesses_one_finite_nonnegative_price_per_item(string name)
    {
        var pricer = BaselineCatalog.Find(name).Train(BaselineFixture.Train, Options);

        var guesses = pricer.PriceAll(BaselineFixture.Test);

        Assert.Equal(name, pricer.Name);
        Assert.Equal(BaselineFixture.Test.Count, guesses.Count);
        Assert.All(guesses, guess => Assert.True(double.IsFinite(guess) && guess >= 0, $"guess {guess}"));
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Same_seed_gives_the_same_guesses(string name)
    {
        var trainer = BaselineCatalog.Find(name);

        var first = trainer.Train(BaselineFixture.Train, Options).PriceAll(BaselineFixture.Test);
        var second = trainer.Train(BaselineFixture.Train, Options).PriceAll(BaselineFixture.Test);

        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Pricing_one_item_agrees_with_pricing_the_list(string name)
    {
        var pricer = BaselineCatalog.Find(name).Train(BaselineFixture.Train, Options);

        var guesses = pricer.PriceAll(BaselineFixture.Test);

        Assert.Equal(guesses, BaselineFixture.Test.Select(pricer.Price));
        Assert.Empty(pricer.PriceAll([]));
    }

    [Theory]
    [MemberData(nameof(LearnedNames))]
    public void Learned_baselines_beat_the_constant_where_price_follows_a_word_or_the_weight(string name)
    {
        var constant = MeanAbsoluteError.Of(BaselineFixture.Test,
            new ConstantBaseline().Train(BaselineFixture.Train, Options).PriceAll(BaselineFixture.Test));

        var learned = MeanAbsoluteError.Of(BaselineFixture.Test,
            BaselineCatalog.Find(name).Train(BaselineFixture.Train, Options).PriceAll(BaselineFixture.Test));

        Assert.True(learned < 0.9 * constant, $"{name}: error {learned:F2} against the constant's {constant:F2}");
    }

    [Theory]
    [MemberData(nameof(LearnedNames))]
    public void Log_target_trains_and_keeps_guesses_within_the_training_prices(string name)
    {
        var pricer = BaselineCatalog.Find(name).Train(BaselineFixture.Train, Options with { LogTarget = true });

        var guesses = pricer.PriceAll(BaselineFixture.Test);

        var highest = BaselineFixture.Train.Max(item => item.Price);
        Assert.All(guesses, guess => Assert.InRange(guess, 0, highest));
        var plain = BaselineCatalog.Find(name).Train(BaselineFixture.Train, Options).PriceAll(BaselineFixture.Test);
        Assert.NotEqual(plain, guesses);
    }

    [Fact]
    public void Constant_guesses_the_training_mean_for_every_item()
    {
        var pricer = new ConstantBaseline().Train(BaselineFixture.Train, Options);

        var mean = BaselineFixture.Train.Average(item => item.Price);
        Assert.All(pricer.PriceAll(BaselineFixture.Test), guess => Assert.Equal(mean, guess, 9));
    }

    [Fact]
    public void Random_guesses_whole_dollars_from_1_to_999_that_follow_the_item_not_the_order()
    {
        var pricer = new RandomBaseline().Train([], Options);
        var items = BaselineFixture.Test;

        var forward = pricer.PriceAll(items);
        var backward = pricer.PriceAll(items.Reverse().ToArray()).Reverse();

        Assert.All(forward, guess => Assert.True(guess is >= 1 and <= 999 && guess == Math.Floor(guess), $"guess {guess}"));
        Assert.Equal(forward, backward);
        Assert.True(forward.Distinct().Count() > items.Count / 2, "random guesses should vary from item to item");
    }

    [Fact]
    public void Random_guesses_change_with_the_seed()
    {
        var items = BaselineFixture.Test;

        var seed1 = new RandomBaseline().Train([], Options with { Seed = 1 }).PriceAll(items);
        var seed2 = new RandomBaseline().Train([], Options with { Seed = 2 }).PriceAll(items);

        Assert.NotEqual(seed1, seed2);
    }

    [Theory]
    [MemberData(nameof(LearnedNames))]
    public void Hostile_items_get_a_usable_guess(string name)
    {
        var pricer = BaselineCatalog.Find(name).Train(BaselineFixture.Train, Options);
        Item[] hostile =
        [
            Item("", ""),
            Item(new string('x', 200_000), """{"Item Weight": "99999 pounds", "Best Sellers Rank": {"A": 1e300}}"""),
            Item("deluxe deluxe deluxe\0\u202e<script>'; DROP TABLE Items;--", "{\"Brand\": \"Sony\""),
            Item("Ящик для инструментов 工具箱 🔧", """{"Item Weight": "1e308 pounds"}"""),
        ];

        var guesses = pricer.PriceAll(hostile);

        Assert.All(guesses, guess => Assert.True(double.IsFinite(guess) && guess >= 0, $"guess {guess}"));
    }

    [Theory]
    [MemberData(nameof(TrainedNames))]
    public void Baselines_that_learn_from_prices_refuse_an_empty_training_list(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => BaselineCatalog.Find(name).Train([], Options));

        Assert.Contains("no items", error.Message);
    }

    [Theory]
    [InlineData("constant", double.NaN)]
    [InlineData("features-lr", -5.0)]
    [InlineData("bow-lr", 0.0)]
    [InlineData("gradient-boosting", double.PositiveInfinity)]
    public void Training_refuses_an_item_with_an_unusable_price_and_names_it(string name, double price)
    {
        Item[] train = [.. BaselineFixture.Train, BaselineFixture.Train[0] with { Id = "bad-price", Price = price }];

        var error = Assert.Throws<ArgumentException>(() => BaselineCatalog.Find(name).Train(train, Options));

        Assert.Contains("'bad-price'", error.Message);
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1000, 0)]
    public void Learned_baselines_refuse_options_below_one(int vocabulary, int trees)
    {
        var options = Options with { Vocabulary = vocabulary, Trees = trees };

        Assert.Throws<ArgumentOutOfRangeException>(() => new RandomForestBaseline().Train(BaselineFixture.Train, options));
    }

    [Fact]
    public void Training_cancelled_beforehand_does_not_start()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => new GradientBoostingBaseline().Train(BaselineFixture.Train, Options, cancellation.Token));
    }

    [Theory]
    [MemberData(nameof(LearnedNames))]
    public void Training_cancelled_while_ML_NET_reads_the_rows_stops(string name)
    {
        using var cancellation = new CancellationTokenSource();
        var train = new CancelWhenRead(BaselineFixture.Train, cancellation);

        Assert.ThrowsAny<OperationCanceledException>(
            () => BaselineCatalog.Find(name).Train(train, Options, cancellation.Token));
    }

    [Fact]
    public void Catalog_has_the_course_baselines_under_unique_names_and_finds_them_ignoring_case()
    {
        Assert.Equal(["random", "constant", "features-lr", "bow-lr", "random-forest", "gradient-boosting"],
            BaselineCatalog.All.Select(trainer => trainer.Name));
        Assert.IsType<BagOfWordsRegressionBaseline>(BaselineCatalog.Find(" BOW-LR "));
        Assert.All(BaselineCatalog.All, trainer => Assert.False(string.IsNullOrWhiteSpace(trainer.Description)));
    }

    [Fact]
    public void Catalog_names_the_known_baselines_when_asked_for_an_unknown_one()
    {
        var error = Assert.Throws<ArgumentException>(() => BaselineCatalog.Find("svr"));

        Assert.Contains("Unknown baseline 'svr'", error.Message);
        Assert.Contains("random-forest", error.Message);
    }

    private static Item Item(string text, string details) =>
        new("hostile", Split.Test, "hostile", "", 1, text, details, null, "test");

    /// <summary>Cancels as soon as the trainer has read every item, i.e. once ML.NET's fitting is under way.</summary>
    private sealed class CancelWhenRead(IReadOnlyList<Item> items, CancellationTokenSource cancellation) : IReadOnlyList<Item>
    {
        public int Count => items.Count;

        public Item this[int index] => items[index];

        public IEnumerator<Item> GetEnumerator()
        {
            foreach (var item in items) yield return item;
            cancellation.Cancel();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
