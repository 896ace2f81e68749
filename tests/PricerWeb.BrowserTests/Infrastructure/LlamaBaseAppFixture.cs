using System.Text.Json.Nodes;
using Pricer.Testing;

namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>
/// The app importing the sample data set, with two Llama bases in its settings: one folder with the files a base
/// needs (their presence is what the pages check; nothing is loaded), and one that lacks its tokenizer.json.
/// </summary>
public sealed class LlamaBaseAppFixture : AppFixture, IAsyncLifetime
{
    public const string Dataset = "fixture-items";
    public const string Base = "tiny-llama";
    public const string Broken = "no-tokenizer";

    private readonly TempFolder _models = new();

    public LlamaBaseAppFixture()
    {
        var complete = Folder(Base, withTokenizer: true);
        var broken = Folder(Broken, withTokenizer: false);
        Settings = new Dictionary<string, string>
        {
            ["StartupImport__0__Name"] = Dataset,
            ["StartupImport__0__Source"] = Path.Combine(SharedData.Fixtures, "items", "sample"),
            ["FineTuning__Bases__0__Name"] = Base,
            ["FineTuning__Bases__0__Path"] = complete,
            ["FineTuning__Bases__0__Nf4"] = "true",
            ["FineTuning__Bases__1__Name"] = Broken,
            ["FineTuning__Bases__1__Path"] = broken,
        };
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; }

    private string Folder(string name, bool withTokenizer)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_models.Path, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "config.json"), new JsonObject { ["model_type"] = "llama" }.ToJsonString());
        File.WriteAllBytes(Path.Combine(folder, "model.safetensors"), []);
        if (withTokenizer) File.WriteAllText(Path.Combine(folder, "tokenizer.json"), "{}");
        return folder;
    }

    Task IAsyncLifetime.InitializeAsync() => InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _models.Dispose();
    }
}
