using System.IO.Compression;
using System.Net;
using Pricer.Core.Lora;
using Pricer.Core.Models.MiniLm;
using Pricer.Core.Models.Safetensors;
using Pricer.Data.Accounts;
using Pricer.Testing;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.FineTuning;

public class AdapterDownloadTests
{
    private const string Name = "lora-minilm-r4-test";
    private const string ZipPath = $"/api/adapters/minilm/{Name}/adapter.zip";
    private const string MergedPath = $"/api/adapters/minilm/{Name}/merged.safetensors";

    [Fact]
    public async Task Downloads_refuse_signed_out_people_and_guessers_and_serve_members()
    {
        using var app = new PricerAppFactory();
        SavedAdapter.Save(app.DataDirectory, Name);
        using var anonymous = app.CreateAnonymousClient();
        using var guesser = app.CreateClientAs(PricerRole.Guesser);
        using var member = app.CreateClientAs(PricerRole.Member);

        foreach (var path in new[] { ZipPath, MergedPath })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await guesser.GetAsync(path)).StatusCode);
        }
        using var zip = await member.GetAsync(ZipPath);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Name}.zip", zip.Content.Headers.ContentDisposition?.FileNameStar ?? zip.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task The_zip_holds_the_peft_folder_and_loads_back_with_the_same_weights()
    {
        using var app = new PricerAppFactory();
        var saved = SavedAdapter.Save(app.DataDirectory, Name);
        using var member = app.CreateClientAs(PricerRole.Member);
        using var unpacked = new TempFolder();

        await using (var body = await member.GetStreamAsync(ZipPath))
            await ZipFile.ExtractToDirectoryAsync(body, unpacked.Path);

        Assert.Equal(
            [PeftAdapterFormat.ConfigFileName, PeftAdapterFormat.WeightsFileName, "pricer.json", "regression_head.safetensors"],
            Directory.GetFiles(unpacked.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var encoder = MiniLmWeights.LoadPretrained();
        using var model = new LoraModel(encoder);
        var loaded = PeftAdapterFormat.Load(model, unpacked.Path, "downloaded");
        Assert.Equal(4, loaded.Config.Rank);
        Assert.Equal(8, loaded.Config.Alpha);
        var weights = SavedAdapter.Weights(loaded);
        Assert.Equal(saved.Keys.Order(), weights.Keys.Order());
        foreach (var (key, values) in saved) Assert.Equal(values, weights[key]);
    }

    [Fact]
    public async Task The_merged_download_is_minilm_with_the_adapter_folded_into_its_weights()
    {
        using var app = new PricerAppFactory();
        SavedAdapter.Save(app.DataDirectory, Name);
        using var member = app.CreateClientAs(PricerRole.Member);

        using var response = await member.GetAsync(MergedPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var buffered = new MemoryStream();
        await body.CopyToAsync(buffered);
        buffered.Position = 0;
        var merged = SafetensorsFile.Read(buffered);

        using var encoder = MiniLmWeights.LoadPretrained();
        var original = encoder.state_dict();
        Assert.Equal(original.Keys.Order(StringComparer.Ordinal), merged.Keys.Order(StringComparer.Ordinal));
        const string Query = "encoder.layer.0.attention.self.query.weight";
        const string Key = "encoder.layer.0.attention.self.key.weight";
        using var mergedQuery = merged[Query].ToTensor();
        using var mergedKey = merged[Key].ToTensor();
        Assert.False(mergedQuery.allclose(original[Query]));
        Assert.True(mergedKey.allclose(original[Key], rtol: 0, atol: 0));
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "merged", "minilm", Name + ".safetensors")));
    }

    [Fact]
    public async Task Hostile_or_unknown_names_are_refused_and_serve_nothing()
    {
        using var app = new PricerAppFactory();
        SavedAdapter.Save(app.DataDirectory, Name);
        using var member = app.CreateClientAs(PricerRole.Member);
        string[] paths =
        [
            "/api/adapters/minilm/..%2F..%2Fpricer.db/adapter.zip",
            "/api/adapters/minilm/..%2Fminilm%2F" + Name + "/adapter.zip",
            "/api/adapters/minilm/%2E%2E/adapter.zip",
            "/api/adapters/minilm/..../adapter.zip",
            "/api/adapters/minilm/.hidden/adapter.zip",
            "/api/adapters/minilm/a%3Bb/merged.safetensors",
            "/api/adapters/..%2Fadapters/" + Name + "/adapter.zip",
            "/api/adapters/llama/" + Name + "/adapter.zip",
            "/api/adapters/minilm/no-such-adapter/merged.safetensors",
        ];

        foreach (var path in paths)
        {
            using var response = await member.GetAsync(path);

            Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
            Assert.True(response.Content.Headers.ContentType?.MediaType is not ("application/zip" or "application/octet-stream"), path);
        }
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "merged")));
    }
}
