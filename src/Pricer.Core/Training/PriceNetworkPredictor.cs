using Pricer.Core.Items;
using Pricer.Core.Pricers;
using Pricer.Core.Text;

namespace Pricer.Core.Training;

/// <summary>Prices items with a trained network: the seed's hashing features, then one batched pass.</summary>
public sealed class PriceNetworkPredictor(TrainedNetwork network, string name = "Neural network") : IPricer, IDisposable
{
    private readonly HashingVectorizer _vectorizer = new(network.Settings.Network.InputSize);

    public string Name { get; } = name;

    public TrainedNetwork Network { get; } = network;

    public static PriceNetworkPredictor Load(string folder, string name = "Neural network", DeviceChoice device = DeviceChoice.Auto) =>
        new(TrainedNetwork.Load(folder, device), name);

    public double Price(Item item) => PriceAll([item])[0];

    public IReadOnlyList<double> PriceAll(IReadOnlyList<Item> items) => PriceTexts(items.Select(i => i.Text).ToList());

    public double[] PriceTexts(IReadOnlyList<string> texts) => Network.Predict(SparseMatrix.Vectorize(_vectorizer, texts));

    public void Dispose() => Network.Dispose();
}
