using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Evaluation;
using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.Safetensors;
using Pricer.Core.Pricers;
using Pricer.Core.Tests.Llama;
using Pricer.Data.Accounts;
using Pricer.Data.Runs;
using Pricer.Testing;
using PricerWeb.Features.FineTuning;
using PricerWeb.Tests.Guessing;
using PricerWeb.Tests.Hosting;
using PricerWeb.Tests.HuggingFace;

namespace PricerWeb.Tests.FineTuning;

/// <summary>Llama folders as fine-tuning bases in the app: configured or found under models/, trained through the queue, served.</summary>
public sealed class LlamaBaseTests
{
    [Fact]
    public void Llama_folders_come_from_the_settings_and_the_models_folder_with_what_is_missing_named()
    {
        using var data = new TempFolder();
        using var llama = new TempFolder();
        TinyLlama.Write(llama.Path, TinyLlama.Config());
        var noTokenizer = Directory.CreateDirectory(Path.Combine(data.Path, "no-tokenizer")).FullName;
        TinyLlama.Write(noTokenizer, TinyLlama.Config());
        File.Delete(Path.Combine(noTokenizer, LlamaFolder.TokenizerFileName));
        var found = Directory.CreateDirectory(Path.Combine(data.Path, "models", "found")).FullName;
        TinyLlama.Write(found, TinyLlama.Config());
        Directory.CreateDirectory(Path.Combine(data.Path, "models", "empty"));
        Directory.CreateDirectory(Path.Combine(data.Path, "models", "tiny-again"));
        using var app = new PricerAppFactory(data.Path, new Dictionary<string, string>
        {
            ["FineTuning:Bases:0:Name"] = "tiny",
            ["FineTuning:Bases:0:Path"] = llama.Path,
            ["FineTuning:Bases:0:Nf4"] = "true",
            ["FineTuning:Bases:0:MaxNewTokens"] = "3",
            ["FineTuning:Bases:1:Name"] = "no-tokenizer",
            ["FineTuning:Bases:1:Path"] = noTokenizer,
            ["FineTuning:Bases:2:Name"] = "../escape",
            ["FineTuning:Bases:2:Path"] = llama.Path,
            ["FineTuning:Bases:3:Name"] = "MINILM",
            ["FineTuning:Bases:3:Path"] = llama.Path,
        });
        var bases = app.Services.GetRequiredService<FineTuningBases>();

        var all = bases.All;

        Assert.Equal(["minilm", "tiny", "no-tokenizer", "../escape", "MINILM", "empty", "found", "tiny-again"], all.Select(b => b.Key));
        var tiny = bases.Find("TINY")!;
        Assert.Equal((true, true, 3, null, llama.Path), (tiny.IsLlama, tiny.Nf4, tiny.MaxNewTokens, tiny.Problem, tiny.Folder));
        Assert.Equal(["q_proj", "k_proj", "v_proj", "o_proj"], tiny.DefaultTargets);
        Assert.Equal($"{noTokenizer} has no tokenizer.json.", bases.Find("no-tokenizer")!.Problem);
        Assert.Contains("must have only letters, digits", all.Single(b => b.Key == "../escape").Problem);
        Assert.Null(bases.Find("../escape"));
        Assert.Equal("The base name 'MINILM' is used twice.", all.Single(b => b.Key == "MINILM").Problem);
        Assert.Equal($"{Path.Combine(data.Path, "models", "empty")} has no config.json.", bases.Find("empty")!.Problem);
        Assert.Null(bases.Find("found")!.Problem);
        Assert.False(bases.Find("found")!.Nf4);

        var (settings, problems) = new FineTuningForm { Dataset = "d", Base = "no-tokenizer" }.Build(all);
        Assert.Null(settings);
        Assert.Contains($"no-tokenizer cannot be used: {noTokenizer} has no tokenizer.json.", problems);
    }

    [Fact]
    public async Task A_llama_run_queued_from_the_app_trains_then_its_adapter_is_listed_evaluated_merged_and_served()
    {
        using var llama = new TempFolder();
        TinyLlama.Write(llama.Path, TinyLlama.Config());
        using var app = new PricerAppFactory(settings: new Dictionary<string, string>
        {
            ["FineTuning:Bases:0:Name"] = "tiny",
            ["FineTuning:Bases:0:Path"] = llama.Path,
            ["FineTuning:Bases:0:MaxNewTokens"] = "2",
        });
        await GuessingApp.ImportAsync(app, "sample", GuessingApp.SampleItems);
        var runs = app.Services.GetRequiredService<FineTuningRuns>();
        var catalog = app.Services.GetRequiredService<AdapterCatalog>();
        var form = new FineTuningForm { Dataset = "sample", Rank = 2, Alpha = 4, MaxItems = 4, MaxTextTokens = 24, LearningRate = 0.01 };
        form.UseBase(app.Services.GetRequiredService<FineTuningBases>().Find("tiny")!);
        var (settings, problems) = form.Build(app.Services.GetRequiredService<FineTuningBases>().All);
        Assert.Empty(problems);
        Assert.Equal((4, 2), (settings!.LlamaTraining!.BatchSize, settings.LlamaTraining.Rank));

        var run = await FinishedAsync(app, (await runs.StartTrainingAsync("sample", settings, null, "tester", default)).Id);

        Assert.Equal("LoRA tiny r=2 q_proj+k_proj+v_proj+o_proj", run.Name);
        var adapter = Assert.Single(await catalog.ListAsync(default));
        Assert.Equal(("tiny", run.Id, 2, "sample"), (adapter.Base, adapter.RunId, adapter.Rank, adapter.Dataset));
        Assert.Equal(2 * (2 * 128 + 2 * 96), adapter.TrainableParameters);
        var folder = catalog.Folder("tiny", adapter.Name)!;
        Assert.StartsWith(Path.Combine(app.DataDirectory, "adapters", "tiny"), folder);

        var evaluation = await FinishedAsync(app, (await runs.StartEvaluationAsync("tiny", adapter.Name, "sample", ReportDefinition.Validation, "tester", default)).Id);
        var store = app.Services.GetRequiredService<RunStore>();
        var trained = await store.PredictionsAsync(run.Id, default);
        var evaluated = await store.PredictionsAsync(evaluation.Id, default);
        Assert.NotEmpty(evaluated);
        foreach (var (item, prediction) in evaluated) Assert.Equal(trained[item].Guess, prediction.Guess, 1e-6);

        using var member = app.CreateClientAs(PricerRole.Member);
        using var merged = await member.GetAsync($"/api/adapters/tiny/{adapter.Name}/merged.safetensors");
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var mergedPath = Path.Combine(app.DataDirectory, "merged", "tiny", adapter.Name + ".safetensors");
        Assert.Contains("model.layers.1.self_attn.v_proj.weight", SafetensorsFile.Read(mergedPath).Keys);

        const string text = "Pricey brass desk lamp with a green shade";
        await catalog.SetPricingAdapterAsync("tiny", adapter.Name, default);
        using var response = await member.PostAsJsonAsync("/api/adapters/tiny/price", new { text });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        using var loaded = LlamaFolder.Load(llama.Path);
        using var pricer = LlamaPricer.Load(loaded, folder);
        Assert.Equal((adapter.Name, "tiny"), (json.GetProperty("adapter").GetString(), json.GetProperty("base").GetString()));
        Assert.Equal(pricer.PriceByTopTokens(text), json.GetProperty("price").GetDouble(), 1e-4);
        Assert.Equal(pricer.Generate(text, 2), json.GetProperty("reply").GetString());
    }

    private static async Task<PricerRun> FinishedAsync(PricerAppFactory app, int runId)
    {
        var store = app.Services.GetRequiredService<RunStore>();
        var run = (await Eventually.MatchesAsync(() => store.FindAsync(runId, default), r => r?.Status is RunStatus.Succeeded or RunStatus.Failed or RunStatus.Cancelled,
            TimeSpan.FromMinutes(4)))!;
        Assert.True(run.Status == RunStatus.Succeeded, $"run {runId} {run.Status}: {run.Error}");
        return run;
    }
}
