using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Data;
using Pricer.Data.Runs;
using PricerWeb.Features.Compare;

namespace PricerWeb.Tests.Compare;

public class EnsemblePanelTests
{
    private static readonly TestItem[] Items =
    [
        new("v1", Split.Validation, 20), new("v2", Split.Validation, 50), new("v3", Split.Validation, 80), TestItem.Test("s1", 30),
    ];

    private static async Task<int> SeedAsync(CompareUiContext ui)
    {
        await ui.Seed.DatasetAsync("shop", Items);
        await using var db = await ui.Services.GetRequiredService<IDbContextFactory<PricerDbContext>>().CreateDbContextAsync();
        return await db.Datasets.Where(d => d.Name == "shop").Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task Fitting_the_ticked_runs_stores_an_ensemble_and_shows_its_weights_once_ticked()
    {
        await using var ui = new CompareUiContext();
        var datasetId = await SeedAsync(ui);
        var doubled = await ui.Seed.RunAsync("shop", "doubled", Items.ToDictionary(i => i.Id, i => i.Price * 2));
        var flat = await ui.Seed.RunAsync("shop", "flat", Items.ToDictionary(i => i.Id, _ => 45.0));
        PricerRun? stored = null;
        var panel = ui.Render<EnsemblePanel>(p => p.Add(x => x.DatasetId, datasetId).Add(x => x.RunIds, [doubled.Id, flat.Id])
            .Add(x => x.EnsembleStored, run => stored = run));

        panel.Find("[data-testid=fit-ensemble]").Click();
        panel.WaitForAssertion(() => Assert.NotNull(stored));
        panel.Render(p => p.Add(x => x.RunIds, [doubled.Id, flat.Id, stored!.Id]));

        Assert.Equal(RunKind.Ensemble, stored!.Kind);
        panel.WaitForAssertion(() => Assert.Equal(["0.500", "0.000"], panel.FindAll("[data-testid=ensemble-weight]").Select(c => c.TextContent)));
        Assert.Contains("fitted on 3 validation items", panel.Find("[data-testid=ensemble-weights]").TextContent);
    }

    [Fact]
    public async Task Runs_without_validation_predictions_in_common_are_refused_with_the_reason()
    {
        await using var ui = new CompareUiContext();
        var datasetId = await SeedAsync(ui);
        var testOnly = await ui.Seed.RunAsync("shop", "test only", new Dictionary<string, double> { ["s1"] = 30 });
        var other = await ui.Seed.RunAsync("shop", "other", new Dictionary<string, double> { ["s1"] = 20 });
        var panel = ui.Render<EnsemblePanel>(p => p.Add(x => x.DatasetId, datasetId).Add(x => x.RunIds, [testOnly.Id, other.Id]));

        panel.Find("[data-testid=fit-ensemble]").Click();

        panel.WaitForAssertion(() => Assert.Contains("no validation predictions in common", panel.Find("[data-testid=ensemble-error]").TextContent));
        Assert.Empty(panel.FindAll("[data-testid=ensemble-weights]"));
    }

    [Fact]
    public async Task One_ticked_run_offers_no_fit()
    {
        await using var ui = new CompareUiContext();
        var datasetId = await SeedAsync(ui);
        var run = await ui.Seed.RunAsync("shop", "alone", Items.ToDictionary(i => i.Id, i => i.Price));

        var panel = ui.Render<EnsemblePanel>(p => p.Add(x => x.DatasetId, datasetId).Add(x => x.RunIds, [run.Id]));

        Assert.Empty(panel.FindAll("[data-testid=fit-ensemble]"));
    }
}
