using Microsoft.Extensions.DependencyInjection;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;
using PricerWeb.Features.FineTuning.Serving;
using PricerWeb.Tests.Hosting;

namespace PricerWeb.Tests.FineTuning;

/// <summary>
/// The app with two real MiniLM adapters saved where it keeps them, and the price each gives each of <see cref="Texts"/>
/// when loaded alone over its own encoder in this process: what the served prices must equal.
/// </summary>
public sealed class ServingApp : IDisposable
{
    public const string First = "price-a";
    public const string Second = "price-b";

    public static readonly string[] Texts =
    [
        "Stainless steel 12-cup coffee maker with a programmable timer and a glass carafe",
        "Kids' wooden puzzle, 24 pieces, farm animals",
        "Heavy-duty cordless drill, 20V, two batteries and a charger",
    ];

    public ServingApp()
    {
        SavedAdapter.Save(App.DataDirectory, First);
        SavedAdapter.Save(App.DataDirectory, Second);
        using var encoder = MiniLmWeights.LoadPretrained();
        foreach (var adapter in new[] { First, Second })
        {
            using var pricer = LoraPricer.Load(encoder, SavedAdapter.Folder(App.DataDirectory, adapter));
            var prices = pricer.Price(Texts);
            for (var i = 0; i < Texts.Length; i++) Expected[(adapter, Texts[i])] = prices[i];
        }
    }

    public PricerAppFactory App { get; } = new();

    public Dictionary<(string Adapter, string Text), double> Expected { get; } = [];

    public AdapterServer Server => App.Services.GetRequiredService<AdapterServer>();

    public void Dispose() => App.Dispose();
}
