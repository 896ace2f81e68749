using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pricer.Data.Accounts;
using PricerWeb.Features.FineTuning;
using PricerWeb.Features.FineTuning.Serving;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.FineTuning;

/// <summary>POST /api/adapters/{base}/price over one loaded MiniLM with two real adapters.</summary>
public sealed class AdapterServingTests(ServingApp serving) : IClassFixture<ServingApp>
{
    [Fact]
    public async Task Concurrent_requests_each_get_the_price_of_the_adapter_they_named_over_one_loaded_base()
    {
        using var member = serving.App.CreateClientAs(PricerRole.Member);
        var requests = Enumerable.Range(0, 4)
            .SelectMany(_ => ServingApp.Texts.SelectMany(text => new[] { (ServingApp.First, text), (ServingApp.Second, text) }))
            .ToList();
        Assert.NotEqual(serving.Expected[(ServingApp.First, ServingApp.Texts[0])], serving.Expected[(ServingApp.Second, ServingApp.Texts[0])], 3);

        var answers = await Task.WhenAll(requests.Select(r => PriceAsync(member, "minilm", r.text, r.Item1)));

        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(HttpStatusCode.OK, answers[i].Status);
            var (adapter, text) = requests[i];
            Assert.Equal((adapter, "minilm"), (answers[i].Json.GetProperty("adapter").GetString(), answers[i].Json.GetProperty("base").GetString()));
            Assert.Equal(serving.Expected[(adapter, text)], answers[i].Json.GetProperty("price").GetDouble(), 1e-3);
        }
        var loaded = Assert.Single(serving.Server.Loaded);
        Assert.Equal("minilm", loaded.Key);
        Assert.Equal([ServingApp.First, ServingApp.Second], loaded.Value.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_an_adapter_the_one_picked_for_pricing_prices_and_an_idle_base_unloads_and_loads_again()
    {
        using var admin = serving.App.CreateClient();
        var catalog = serving.App.Services.GetRequiredService<AdapterCatalog>();
        var text = ServingApp.Texts[1];
        if (catalog.PricingAdapter("minilm") is null)
        {
            var none = await PriceAsync(admin, "minilm", text, adapter: null);
            Assert.Equal(HttpStatusCode.NotFound, none.Status);
            Assert.Contains("No adapter prices for minilm yet", none.Json.GetProperty("detail").GetString());
        }

        await catalog.SetPricingAdapterAsync("minilm", ServingApp.Second, default);
        var chosen = await PriceAsync(admin, "minilm", text, adapter: null);

        Assert.Equal(HttpStatusCode.OK, chosen.Status);
        Assert.Equal(ServingApp.Second, chosen.Json.GetProperty("adapter").GetString());
        Assert.Equal(serving.Expected[(ServingApp.Second, text)], chosen.Json.GetProperty("price").GetDouble(), 1e-3);

        Assert.Equal(1, serving.Server.UnloadIdle(TimeSpan.Zero));
        Assert.Empty(serving.Server.Loaded);
        var again = await PriceAsync(admin, "minilm", text, ServingApp.First);
        Assert.Equal(serving.Expected[(ServingApp.First, text)], again.Json.GetProperty("price").GetDouble(), 1e-3);
    }

    [Fact]
    public async Task Bad_texts_and_names_are_refused_with_a_clear_message_and_load_nothing()
    {
        using var app = new PricerAppFactory();
        using var member = app.CreateClientAs(PricerRole.Member);

        async Task Refused(HttpStatusCode status, string expected, string @base, string? text, string? adapter)
        {
            var answer = await PriceAsync(member, @base, text, adapter);
            Assert.Equal(status, answer.Status);
            Assert.Contains(expected, answer.Json.GetProperty("detail").GetString());
        }

        await Refused(HttpStatusCode.BadRequest, "Give a product text to price.", "minilm", "   ", "a");
        await Refused(HttpStatusCode.BadRequest, "Give a product text to price.", "minilm", null, "a");
        await Refused(HttpStatusCode.BadRequest, "The text has 8,001 characters; at most 8,000 are priced.", "minilm", new string('x', 8_001), "a");
        await Refused(HttpStatusCode.BadRequest, "control character (U+0000)", "minilm", "drill\0<script>alert(1)</script>", "a");
        await Refused(HttpStatusCode.BadRequest, "control character (U+001B)", "minilm", "drill \u001b[2J", "a");
        await Refused(HttpStatusCode.BadRequest, "An adapter name has only letters", "minilm", "a drill", "../../pricer.db");
        await Refused(HttpStatusCode.NotFound, "There is no adapter 'nothing' for minilm.", "minilm", "a drill", "nothing");
        await Refused(HttpStatusCode.NotFound, "There is no base model 'gpt-9'.", "gpt-9", "a drill", "a");
        await Refused(HttpStatusCode.NotFound, "No adapter prices for minilm yet", "minilm", "a drill", null);

        using var brokenJson = await member.PostAsync("/api/adapters/minilm/price", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, brokenJson.StatusCode);
        using var loneSurrogate = await member.PostAsync("/api/adapters/minilm/price", new StringContent("{\"text\": \"a \\ud800 drill\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, loneSurrogate.StatusCode);
        Assert.Empty(app.Services.GetRequiredService<AdapterServer>().Loaded);
        Assert.False(Directory.Exists(Path.Combine(app.DataDirectory, "adapters")));
    }

    [Fact]
    public async Task Guessers_are_forbidden_and_signed_out_callers_unauthorised()
    {
        using var app = new PricerAppFactory();
        using var guesser = app.CreateClientAs(PricerRole.Guesser);
        using var anonymous = app.CreateAnonymousClient();
        var body = new { text = ServingApp.Texts[0], adapter = ServingApp.First };

        using var forbidden = await guesser.PostAsJsonAsync("/api/adapters/minilm/price", body);
        using var unauthorised = await anonymous.PostAsJsonAsync("/api/adapters/minilm/price", body);

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
    }

    [Fact]
    public void Texts_are_checked_for_length_control_characters_and_broken_unicode_but_not_for_markup_or_other_scripts()
    {
        Assert.Null(AdapterServer.TextProblem("Tisch <b>aus</b> Eiche, 120 × 80 cm — 桌子 🪑\n\tdetails\r\n"));
        Assert.Null(AdapterServer.TextProblem(new string('x', AdapterServer.MaxTextLength)));
        Assert.Equal("The text is not valid Unicode (a lone surrogate).", AdapterServer.TextProblem("chair \udc00"));
        Assert.Equal("The text is not valid Unicode (a lone surrogate).", AdapterServer.TextProblem("chair \ud83e"));
        Assert.Equal("The text holds a control character (U+007F); send plain text.", AdapterServer.TextProblem("chair\u007f"));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Json)> PriceAsync(HttpClient client, string @base, string? text, string? adapter)
    {
        using var response = await client.PostAsJsonAsync($"/api/adapters/{@base}/price", new { text, adapter });
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone());
    }
}
