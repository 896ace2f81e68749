using System.Text.Json;
using Pricer.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Training;

/// <summary>A network with what it takes to read its outputs as prices; saved as a folder (model.bin + model.json).</summary>
public sealed class TrainedNetwork : IDisposable
{
    public const string ModelFile = "model.bin";
    public const string DescriptionFile = "model.json";
    public const string PyTorchFile = "model.pt";

    private const int PredictBatch = 4096;

    public TrainedNetwork(PriceNetwork network, TrainingSettings settings, TargetScaler target, Device device)
    {
        Network = network;
        Settings = settings;
        Target = target;
        Device = device;
    }

    public PriceNetwork Network { get; }
    public TrainingSettings Settings { get; }
    public TargetScaler Target { get; }
    public Device Device { get; }

    /// <summary>Prices for every row of <paramref name="features"/>, in order, scored in large batches without gradients.</summary>
    public double[] Predict(SparseMatrix features)
    {
        var prices = new double[features.Rows];
        var rows = Enumerable.Range(0, features.Rows).ToArray();
        Network.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < rows.Length; start += PredictBatch)
        {
            using var scope = NewDisposeScope();
            var count = Math.Min(PredictBatch, rows.Length - start);
            using var batch = SparseBatch.From(features, rows.AsSpan(start, count), Settings.Network.Dense, Device);
            var outputs = Network.forward(batch).cpu().data<float>().ToArray();
            for (var i = 0; i < count; i++) prices[start + i] = Target.ToPrice(outputs[i]);
        }
        return prices;
    }

    public void Save(string folder)
    {
        Directory.CreateDirectory(folder);
        Network.save(Path.Combine(folder, ModelFile));
        File.WriteAllText(Path.Combine(folder, DescriptionFile), JsonSerializer.Serialize(new ModelDescription(Settings, Target), TrainingSettings.JsonOptions));
    }

    /// <summary>Writes the weights as a PyTorch state_dict (see <see cref="PyTorchStateDict"/>).</summary>
    public void SavePyTorch(string path) => PyTorchStateDict.Save(Network, path);

    public static TrainedNetwork Load(string folder, DeviceChoice device = DeviceChoice.Auto)
    {
        var description = ReadDescription(folder);
        var target = TorchDevice.Resolve(device);
        var network = new PriceNetwork(description.Settings.Network);
        network.load(Path.Combine(folder, ModelFile));
        network.to(target);
        return new TrainedNetwork(network, description.Settings, description.Target, target);
    }

    /// <summary>A network built from <paramref name="settings"/> with the weights of a PyTorch state_dict file.</summary>
    public static TrainedNetwork LoadPyTorch(string path, TrainingSettings settings, TargetScaler target, DeviceChoice device = DeviceChoice.Auto)
    {
        var network = new PriceNetwork(settings.Network);
        PyTorchStateDict.Load(network, path);
        var resolved = TorchDevice.Resolve(device);
        network.to(resolved);
        return new TrainedNetwork(network, settings, target, resolved);
    }

    private static ModelDescription ReadDescription(string folder)
    {
        var path = Path.Combine(folder, DescriptionFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"There is no trained model in {folder} ({DescriptionFile} is missing).", path);
        try
        {
            return JsonSerializer.Deserialize<ModelDescription>(File.ReadAllText(path), TrainingSettings.JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a model description: {e.Message}", e);
        }
    }

    public void Dispose() => Network.Dispose();

    private sealed record ModelDescription(TrainingSettings Settings, TargetScaler Target);
}
