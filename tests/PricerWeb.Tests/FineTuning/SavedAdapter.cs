using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;
using static TorchSharp.torch;

namespace PricerWeb.Tests.FineTuning;

/// <summary>A real MiniLM LoRA pricer saved where the app keeps adapters, with lora_B filled so merging changes the weights.</summary>
internal static class SavedAdapter
{
    public static string Folder(string dataDirectory, string name) => Path.Combine(dataDirectory, "adapters", "minilm", name);

    /// <summary>Saves the adapter; returns its lora_A and lora_B values by module path, to compare what is read back.</summary>
    public static Dictionary<string, float[]> Save(string dataDirectory, string name)
    {
        using var encoder = MiniLmWeights.LoadPretrained();
        using var pricer = LoraPricer.Create(encoder, new LoraConfig { Rank = 4, Alpha = 8, TargetModules = ["query", "value"] }, new PriceScale(3, 1), 32);
        using (no_grad())
            foreach (var layer in pricer.Adapter.Layers.Values) layer.B.normal_(0, 0.05);
        pricer.Save(Folder(dataDirectory, name));
        return Weights(pricer.Adapter);
    }

    public static Dictionary<string, float[]> Weights(LoraAdapter adapter) =>
        adapter.Layers.SelectMany(l => new[] { (l.Key + ".A", l.Value.A), (l.Key + ".B", l.Value.B) })
            .ToDictionary(p => p.Item1, p => p.Item2.data<float>().ToArray());
}
