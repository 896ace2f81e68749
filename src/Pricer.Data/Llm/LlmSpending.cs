using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Pricer.Core.Pricers;

namespace Pricer.Data.Llm;

/// <summary>The default run budget and the monthly cap on LLM spending, and what LLM runs have cost this month.</summary>
public sealed class LlmSpending(IDbContextFactory<PricerDbContext> contexts, TimeProvider clock)
{
    /// <summary>The largest amount either setting may hold; more is a typing slip, not a budget.</summary>
    public const double MostUsd = 1_000_000;

    public async Task<LlmSpendingLimits> LimitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LlmSpendingLimits.AsNoTracking().FirstOrDefaultAsync(s => s.Id == LlmSpendingLimits.SingletonId, cancellationToken) ?? new LlmSpendingLimits();
    }

    /// <summary>Stores both amounts (null: none), or changes nothing and says why.</summary>
    /// <returns>Null when stored, else what is wrong with the amounts.</returns>
    public async Task<string?> SetAsync(double? defaultRunBudgetUsd, double? monthlyCapUsd, string changedBy, CancellationToken cancellationToken)
    {
        var problems = new[] { Problem("The default run budget", defaultRunBudgetUsd), Problem("The monthly cap", monthlyCapUsd) }.OfType<string>().ToList();
        if (problems.Count > 0) return string.Join(" ", problems);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var limits = await db.LlmSpendingLimits.FirstOrDefaultAsync(s => s.Id == LlmSpendingLimits.SingletonId, cancellationToken);
        if (limits is null) db.LlmSpendingLimits.Add(limits = new LlmSpendingLimits());
        limits.DefaultRunBudgetUsd = defaultRunBudgetUsd;
        limits.MonthlyCapUsd = monthlyCapUsd;
        limits.ChangedBy = changedBy;
        limits.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    /// <summary>What the LLM runs started since the 1st of this month (UTC) have cost.</summary>
    public async Task<double> SpentThisMonthAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.Where(r => r.Kind == RunKind.Llm && r.StartedAtUtc >= monthStart).SumAsync(r => r.CostUsd, cancellationToken);
    }

    /// <summary>What may still be spent this month under the cap (never below zero), or null when there is no cap.</summary>
    public async Task<double?> LeftThisMonthAsync(CancellationToken cancellationToken) =>
        (await LimitsAsync(cancellationToken)).MonthlyCapUsd is { } cap ? Math.Max(0, cap - await SpentThisMonthAsync(cancellationToken)) : null;

    /// <summary>Why a new LLM run may not start (the monthly cap is reached, with the cap and what was spent), or null when it may.</summary>
    public async Task<string?> CapReachedAsync(CancellationToken cancellationToken)
    {
        if ((await LimitsAsync(cancellationToken)).MonthlyCapUsd is not { } cap) return null;
        var spent = await SpentThisMonthAsync(cancellationToken);
        return spent < cap ? null
            : string.Create(CultureInfo.InvariantCulture, $"The monthly cap on LLM spending of ${cap:0.####} is reached: runs this month have cost ${spent:0.####}. An Admin can raise it in Settings.");
    }

    private static string? Problem(string what, double? amount) =>
        amount is not { } usd || (double.IsFinite(usd) && usd is >= 0 and <= MostUsd) ? null
        : $"{what} must be an amount from $0 to $1,000,000 (or empty for none).";
}
