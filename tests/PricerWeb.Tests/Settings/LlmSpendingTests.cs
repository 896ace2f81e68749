using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pricer.Core.Items;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Llm;
using Pricer.Data.Runs;
using PricerWeb.Features.Llm;
using PricerWeb.Tests.Datasets;
using PricerWeb.Tests.Guessing;

namespace PricerWeb.Tests.Settings;

public sealed class LlmSpendingTests
{
    [Theory]
    [InlineData(-0.01, null, "The default run budget must be an amount from $0 to $1,000,000")]
    [InlineData(double.NaN, null, "The default run budget must be")]
    [InlineData(null, double.PositiveInfinity, "The monthly cap must be")]
    [InlineData(null, 1_000_000.01, "The monthly cap must be an amount from $0 to $1,000,000")]
    public async Task Negative_NaN_or_absurd_amounts_are_refused_and_nothing_changes(double? defaultBudget, double? cap, string expected)
    {
        await using var database = await TestDatabase.CreateAsync();
        var spending = database.Services.GetRequiredService<LlmSpending>();
        Assert.Null(await spending.SetAsync(2, 50, "admin@pricer.test", CancellationToken.None));

        var refusal = await spending.SetAsync(defaultBudget, cap, "admin@pricer.test", CancellationToken.None);

        Assert.StartsWith(expected, refusal);
        var kept = await spending.LimitsAsync(CancellationToken.None);
        Assert.Equal((2, 50), (kept.DefaultRunBudgetUsd, kept.MonthlyCapUsd));
    }

    [Fact]
    public async Task Amounts_are_stored_with_who_changed_them_and_empty_means_none()
    {
        await using var database = await TestDatabase.CreateAsync();
        var spending = database.Services.GetRequiredService<LlmSpending>();

        Assert.Null(await spending.SetAsync(0.5, 1_000_000, "admin@pricer.test", CancellationToken.None));
        var stored = await spending.LimitsAsync(CancellationToken.None);
        Assert.Equal((0.5, 1_000_000), (stored.DefaultRunBudgetUsd, stored.MonthlyCapUsd));
        Assert.Equal("admin@pricer.test", stored.ChangedBy);

        Assert.Null(await spending.SetAsync(null, null, "admin@pricer.test", CancellationToken.None));
        Assert.Null((await spending.LimitsAsync(CancellationToken.None)).MonthlyCapUsd);
        Assert.Null(await spending.CapReachedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Spending_this_month_counts_llm_runs_started_since_the_first_of_the_month_only()
    {
        await using var database = await TestDatabase.CreateAsync();
        var dataset = await database.AddDatasetAsync("spend", [new Item("a", Split.Test, "A", "Toys", 5, "A", "", null, "test")]);
        var now = DateTime.UtcNow;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var db = await database.Contexts.CreateDbContextAsync())
        {
            db.Runs.AddRange(
                Run(dataset.Id, RunKind.Llm, monthStart, 1.25),
                Run(dataset.Id, RunKind.Llm, now, 0.5),
                Run(dataset.Id, RunKind.Llm, monthStart.AddSeconds(-1), 100),
                Run(dataset.Id, RunKind.Baseline, now, 7));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1.75, await database.Services.GetRequiredService<LlmSpending>().SpentThisMonthAsync(CancellationToken.None), 6);
    }

    [Fact]
    public async Task Starting_a_run_once_the_monthly_cap_is_reached_is_refused_naming_the_cap_and_the_spending()
    {
        await using var bed = new SettingsApp();
        await GuessingApp.ImportAsync(bed.App, "sample", GuessingApp.SampleItems);
        var spending = bed.App.Services.GetRequiredService<LlmSpending>();
        var datasetId = 0;
        await using (var db = await GuessingApp.Contexts(bed.App).CreateDbContextAsync())
        {
            datasetId = db.Datasets.Single().Id;
            db.Runs.Add(Run(datasetId, RunKind.Llm, DateTime.UtcNow, 2.5));
            await db.SaveChangesAsync();
        }
        Assert.Null(await spending.SetAsync(null, 2.5, "admin@pricer.test", CancellationToken.None));
        var provider = bed.App.Services.GetRequiredService<IOptions<LlmOptions>>().Value.Find(SettingsApp.Provider)!;
        var settings = new LlmRunSettings { Provider = provider, Items = new LlmItemSet { Split = Split.Test, First = 1 } };

        var refused = await Assert.ThrowsAsync<ArgumentException>(() =>
            bed.App.Services.GetRequiredService<LlmRuns>().StartAsync("sample", settings, null, "tester", CancellationToken.None));

        Assert.Equal("The monthly cap on LLM spending of $2.5 is reached: runs this month have cost $2.5. An Admin can raise it in Settings.", refused.Message);
        await using (var db = await GuessingApp.Contexts(bed.App).CreateDbContextAsync())
            Assert.Equal(1, db.Runs.Count(r => r.Kind == RunKind.Llm));
        Assert.Empty(bed.Server.Requests);
    }

    [Fact]
    public async Task Under_a_cap_a_run_may_spend_at_most_what_is_left_whatever_budget_it_asked_for()
    {
        await using var bed = new SettingsApp();
        await GuessingApp.ImportAsync(bed.App, "sample", GuessingApp.SampleItems);
        await using (var db = await GuessingApp.Contexts(bed.App).CreateDbContextAsync())
        {
            db.Runs.Add(Run(db.Datasets.Single().Id, RunKind.Llm, DateTime.UtcNow, 2.5));
            await db.SaveChangesAsync();
        }
        Assert.Null(await bed.App.Services.GetRequiredService<LlmSpending>().SetAsync(null, 3, "admin@pricer.test", CancellationToken.None));
        var provider = bed.App.Services.GetRequiredService<IOptions<LlmOptions>>().Value.Find(SettingsApp.Provider)!;
        var runs = bed.App.Services.GetRequiredService<LlmRuns>();

        double? BudgetOf(PricerRun run) => LlmRunSettings.FromJson(run.Configuration).BudgetUsd;
        LlmRunSettings Asking(double? budget) => new() { Provider = provider, BudgetUsd = budget, Items = new LlmItemSet { Split = Split.Test, First = 1 } };

        Assert.Equal(0.5, BudgetOf(await runs.StartAsync("sample", Asking(null), null, "tester", CancellationToken.None)));
        Assert.Equal(0.5, BudgetOf(await runs.StartAsync("sample", Asking(10), null, "tester", CancellationToken.None)));
        Assert.Equal(0.2, BudgetOf(await runs.StartAsync("sample", Asking(0.2), null, "tester", CancellationToken.None)));
    }

    private static PricerRun Run(int datasetId, RunKind kind, DateTime startedAtUtc, double costUsd) => new()
    {
        DatasetId = datasetId, Kind = kind, Name = $"{kind} {costUsd}", StartedBy = "tester", CodeVersion = "test",
        StartedAtUtc = startedAtUtc, CostUsd = costUsd, Status = RunStatus.Succeeded,
    };
}
