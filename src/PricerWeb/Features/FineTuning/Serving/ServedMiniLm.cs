using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Models.MiniLm;

namespace PricerWeb.Features.FineTuning.Serving;

/// <summary>
/// MiniLM loaded once, with each adapter's pricer (its LoRA layers and price head) over that one encoder. Every pricer
/// hooks the encoder's layers, so all but the one pricing are kept inactive: a pricer's hooks add nothing then.
/// </summary>
internal sealed class ServedMiniLm : IServedModel
{
    private readonly BertModel _encoder = MiniLmWeights.LoadPretrained();
    private readonly Dictionary<string, LoraPricer> _pricers = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> LoadedAdapters => _pricers.Keys;

    public AdapterPrice Price(string name, string folder, string text)
    {
        if (!_pricers.TryGetValue(name, out var pricer))
        {
            pricer = LoraPricer.Load(_encoder, folder);
            pricer.Lora.SetActive(null);
            _pricers[name] = pricer;
        }
        var price = pricer.Lora.Use(LoraPricer.AdapterName, () => pricer.Price([text])[0]);
        return new AdapterPrice(FineTuningBase.MiniLm.Key, name, price, null);
    }

    public void Dispose()
    {
        foreach (var pricer in _pricers.Values) pricer.Dispose();
        _pricers.Clear();
        _encoder.Dispose();
    }
}
