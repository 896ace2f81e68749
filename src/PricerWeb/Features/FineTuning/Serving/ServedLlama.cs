using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.Llama;

namespace PricerWeb.Features.FineTuning.Serving;

/// <summary>
/// A Llama folder loaded once (as NF4 when its base says so), with each adapter's LoRA layers over it; all but the
/// one pricing are kept inactive. The price is the course 2024 top-3 next-token price, as the adapter's evaluation
/// runs price; the reply is the greedy completion of up to the base's max new tokens.
/// </summary>
internal sealed class ServedLlama(FineTuningBase model) : IServedModel
{
    private readonly LoadedLlama _llama = LlamaFolder.Load(model.Folder!, new LlamaLoadOptions { Nf4 = model.Nf4 });
    private readonly Dictionary<string, LlamaPricer> _pricers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> LoadedAdapters => _pricers.Keys;

    public AdapterPrice Price(string name, string folder, string text)
    {
        if (!_pricers.TryGetValue(name, out var pricer))
        {
            pricer = LlamaPricer.Load(_llama, folder);
            pricer.Lora.SetActive(null);
            _pricers[name] = pricer;
        }
        var (price, reply) = pricer.Lora.Use(LlamaPricer.AdapterName, () => (pricer.PriceByTopTokens(text), pricer.Generate(text, model.MaxNewTokens)));
        return new AdapterPrice(model.Key, name, price, reply);
    }

    public void Dispose()
    {
        foreach (var pricer in _pricers.Values) pricer.Dispose();
        _pricers.Clear();
        _llama.Dispose();
    }
}
