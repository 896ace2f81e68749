using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pricer.Cli.Hosting;
using Pricer.Core.Evaluation;
using Pricer.Core.Llm;
using Pricer.Core.Pricers;
using Pricer.Data.Llm;
using Pricer.Data.Runs;

namespace Pricer.Cli.Commands;

public static class LlmCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Data set whose items are priced", Required = true };
        var provider = new Option<string?>("--provider") { Description = "A provider named in appsettings.json (LlmOptions); --base-url and --model override it" };
        var baseUrl = new Option<string?>("--base-url") { Description = "OpenAI-compatible API root, e.g. http://localhost:4000/v1" };
        var model = new Option<string?>("--model") { Description = "Model name the endpoint knows, e.g. openai/gpt-4.1-nano" };
        var keyVariable = new Option<string?>("--api-key-env") { Description = "Environment variable holding the API key (none: the endpoint needs no key)" };
        var report = new Option<string>("--report") { Description = "Items to price and score: course2024 | course2025 | test | validation", DefaultValueFactory = _ => ReportDefinition.Course2024.Key };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight at once (default: the provider's, else 4)" };
        var rag = new Option<bool>("--rag") { Description = "Add the 5 nearest training items with their prices to each prompt (the course's 2025 RAG)" };
        var budget = new Option<double?>("--budget") { Description = "Stop before spending more than this many US dollars" };
        var inputPrice = new Option<double?>("--input-price") { Description = "US dollars per million input tokens (default: the provider's, else 0)" };
        var outputPrice = new Option<double?>("--output-price") { Description = "US dollars per million output tokens (default: the provider's, else 0)" };
        var template = new Option<string?>("--template") { Description = "Prompt template with {text} (default: the course's frontier prompt)" };
        var name = new Option<string?>("--name") { Description = "Run name (default: the model's)" };
        var json = GlobalOptions.Json();
        var command = new Command("llm", "Price a report's items with an LLM through an OpenAI-compatible endpoint, store the run and print its metrics")
        {
            dataset, provider, baseUrl, model, keyVariable, report, concurrency, rag, budget, inputPrice, outputPrice, template, name, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!ReportDefinition.TryFind(parse.GetValue(report), out var chosen))
                return CliExit.Failure($"Unknown report '{parse.GetValue(report)}': use {string.Join(", ", ReportDefinition.All.Select(r => r.Key))}.");
            await using var services = await CliServices.StartAsync(parse, cancellationToken);
            var options = services.GetRequiredService<IOptions<LlmOptions>>().Value;
            var named = parse.GetValue(provider);
            var configured = named is null ? null : options.Find(named);
            if (named is not null && configured is null)
                return CliExit.Failure($"No provider named '{named}' in LlmOptions: {string.Join(", ", options.Providers.Select(p => p.Name))}.");
            var chosenProvider = Provider(configured, options, parse.GetValue(baseUrl), parse.GetValue(model));
            if (chosenProvider is null) return CliExit.Failure("Name a --provider, or both --base-url and --model.");
            if (parse.GetValue(keyVariable) is { } variable) chosenProvider.ApiKeyEnvironmentVariable = variable;
            if (parse.GetValue(concurrency) is { } limit) chosenProvider.Concurrency = limit;
            if (parse.GetValue(inputPrice) is { } priceIn) chosenProvider.InputUsdPerMillionTokens = priceIn;
            if (parse.GetValue(outputPrice) is { } priceOut) chosenProvider.OutputUsdPerMillionTokens = priceOut;
            var settings = new LlmRunSettings
            {
                Provider = chosenProvider,
                Items = LlmItemSet.ForReport(chosen),
                PromptTemplate = parse.GetValue(template) ?? PromptTemplate.Frontier,
                Rag = parse.GetValue(rag),
                BudgetUsd = parse.GetValue(budget),
            };

            var runs = services.GetRequiredService<LlmRunService>();
            PricerRun run;
            try
            {
                run = await runs.CreateAsync(parse.GetValue(dataset)!, parse.GetValue(name), settings, Environment.UserName, cancellationToken);
            }
            catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
            {
                return CliExit.Failure(e.Message);
            }
            Console.Error.WriteLine($"run {run.Id} \"{run.Name}\": {settings.Items.Describe()} via {chosenProvider.BaseUrl} ({chosenProvider.Model}), {chosenProvider.Concurrency} at a time");
            var summary = await runs.ExecuteAsync(run.Id, new ConsoleLlmProgress(Console.Error), cancellationToken);
            var failed = summary.Status == RunStatus.Failed;
            if (failed && summary.Done == 0) return CliExit.Failure($"run {run.Id} failed: {summary.Error}");
            // A run stopped by its budget, or by a call that failed for good, is still scored on what it priced.
            if (summary.Error is { } note) Console.Error.WriteLine(failed ? $"run {run.Id} failed after {summary.Done:N0} of {summary.Total:N0} items: {note}" : note);

            var result = await services.GetRequiredService<RunEvaluator>().EvaluateAsync(run.Id, chosen, cancellationToken);
            var m = result.Metrics;
            Console.WriteLine($"run {run.Id} \"{run.Name}\" on {chosen.Name} (n={m.Count}): {result.ScatterTitle}; " +
                $"tokens {summary.InputTokens:N0} in, {summary.OutputTokens:N0} out; ${summary.CostUsd:0.####}; {summary.CacheHits:N0} cache hits");
            if (result.CoverageNote is { } coverage) Console.Error.WriteLine(coverage);
            if (parse.GetValue(json))
                JsonOutput.Write(new
                {
                    run = run.Id, n = m.Count, error = m.Error, rmsle = m.Rmsle, hits = m.HitsPercent, tokensIn = summary.InputTokens,
                    tokensOut = summary.OutputTokens, cost = summary.CostUsd, cacheHits = summary.CacheHits, status = summary.Status.ToString(),
                });
            return failed ? 1 : 0;
        });
        return command;
    }

    /// <summary>The named provider, or one made from the base URL and model (with the prices of a configured match).</summary>
    private static LlmProviderOptions? Provider(LlmProviderOptions? configured, LlmOptions options, string? baseUrl, string? model)
    {
        if (configured is null && (baseUrl is null || model is null)) return null;
        var match = configured ?? options.Providers.FirstOrDefault(p =>
            string.Equals(p.BaseUrl.TrimEnd('/'), baseUrl!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase) && p.Model == model);
        var provider = match?.Copy() ?? new LlmProviderOptions { Name = model! };
        if (baseUrl is not null) provider.BaseUrl = baseUrl;
        if (model is not null) provider.Model = model;
        if (match is null) provider.ApiKeyEnvironmentVariable = "";
        return provider;
    }
}
