using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data.Runs.Ensembles;
using PricerWeb.Tests.Compare;

namespace PricerWeb.Tests.Embeddings;

public class EnsembleRunnerTests : IAsyncLifetime
{
    private static readonly TestItem[] Items =
    [
        new("t1", Split.Train, 10), new("v1", Split.Validation, 20), new("v2", Split.Validation, 50), new("v3", Split.Validation, 80),
        new("s1", Split.Test, 30), new("s2", Split.Test, 100),
    ];

    private RunsDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await RunsDatabase.CreateAsync();
        await _database.Seed.DatasetAsync("shop", Items);
        await _database.Seed.DatasetAsync("other", new TestItem("x1", Split.Validation, 5));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private EnsembleRunner Runner => _database.Services.GetRequiredService<EnsembleRunner>();

    private async Task<int> DatasetIdAsync(string name)
    {
        await using var db = _database.NewContext();
        return await db.Datasets.Where(d => d.Name == name).Select(d => d.Id).SingleAsync();
    }

    private Task<Pricer.Data.Runs.PricerRun> RunAsync(string name, Func<double, double> guess, params string[] only) =>
        _database.Seed.RunAsync("shop", name, Items.Where(i => i.Split != Split.Train && (only.Length == 0 || only.Contains(i.Id)))
            .ToDictionary(i => i.Id, i => guess(i.Price)));

    [Fact]
    public async Task Finds_the_exact_mix_and_stores_validation_and_test_predictions_with_the_weights()
    {
        var half = await RunAsync("half", p => p / 2);
        var offset = await RunAsync("offset", p => p + 30);
        var flat = await RunAsync("flat", _ => 40);

        var run = await Runner.FitAsync(await DatasetIdAsync("shop"), [half.Id, offset.Id, flat.Id], "tester", CancellationToken.None);

        Assert.Equal(RunKind.Ensemble, run.Kind);
        var configuration = EnsembleConfiguration.TryParse(run.Configuration)!;
        Assert.Equal([half.Id, offset.Id, flat.Id], configuration.Members.Select(m => m.RunId));
        Assert.Equal(2, configuration.Members[0].Weight, 6);
        Assert.Equal(0, configuration.Members[1].Weight, 6);
        Assert.Equal(0, configuration.Members[2].Weight, 6);
        Assert.Equal(3, configuration.FittedOn);
        Assert.Equal(0, configuration.ValidationError, 6);
        Assert.Equal("Ensemble: 2 x half", run.Name);
        await using var db = _database.NewContext();
        var guesses = await db.Predictions.Where(p => p.RunId == run.Id).Join(db.Items, p => p.ItemId, i => i.Id, (p, i) => new { i.ExternalId, i.Price, p.Guess }).ToListAsync();
        Assert.Equal(["s1", "s2", "v1", "v2", "v3"], guesses.Select(g => g.ExternalId).Order());
        Assert.All(guesses, g => Assert.Equal(g.Price, g.Guess, 6));
    }

    [Fact]
    public async Task Only_items_every_member_priced_are_fitted_and_predicted()
    {
        var all = await RunAsync("all", p => p);
        var some = await RunAsync("some", p => p * 3, "v1", "v2", "s2");

        var run = await Runner.FitAsync(await DatasetIdAsync("shop"), [all.Id, some.Id], "tester", CancellationToken.None);

        Assert.Equal(2, EnsembleConfiguration.TryParse(run.Configuration)!.FittedOn);
        await using var db = _database.NewContext();
        Assert.Equal(3, await db.Predictions.CountAsync(p => p.RunId == run.Id));
    }

    [Fact]
    public async Task Bad_choices_are_refused_with_a_reason_and_store_nothing()
    {
        var shop = await DatasetIdAsync("shop");
        var a = await RunAsync("a", p => p);
        var testOnly = await RunAsync("test only", p => p, "s1", "s2");
        var foreign = await _database.Seed.RunAsync("other", "foreign", new Dictionary<string, double> { ["x1"] = 5 });

        async Task<string> Refusal(params int[] ids) =>
            (await Assert.ThrowsAsync<InvalidOperationException>(() => Runner.FitAsync(shop, ids, "tester", CancellationToken.None))).Message;

        Assert.Contains("at least two", await Refusal(a.Id, a.Id));
        Assert.Contains("no run 999", await Refusal(a.Id, 999));
        Assert.Contains("another data set", await Refusal(a.Id, foreign.Id));
        Assert.Contains("no validation predictions in common", await Refusal(a.Id, testOnly.Id));
        await using var db = _database.NewContext();
        Assert.DoesNotContain(db.Runs, r => r.Kind == RunKind.Ensemble);
    }
}
