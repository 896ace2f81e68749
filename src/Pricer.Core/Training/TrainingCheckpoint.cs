using System.Text.Json;
using TorchSharp.Modules;

namespace Pricer.Core.Training;

/// <summary>
/// A run's folder of checkpoints, rewritten after every epoch: the weights (model.bin), the optimizer's state
/// (optimizer.bin), the best epoch's weights (best.bin) and what the trainer needs to go on (checkpoint.json,
/// written last, so a checkpoint is whole once its json names the epoch).
/// </summary>
public sealed class TrainingCheckpoint(string folder)
{
    public const string StateFile = "checkpoint.json";
    private const string ModelFile = "model.bin";
    private const string OptimizerFile = "optimizer.bin";
    private const string BestFile = "best.bin";

    public string Folder { get; } = folder;

    public bool Exists => File.Exists(Path.Combine(Folder, StateFile));

    public CheckpointState ReadState()
    {
        var path = Path.Combine(Folder, StateFile);
        try
        {
            return JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(path), TrainingSettings.JsonOptions)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The checkpoint {path} cannot be read: {e.Message}", e);
        }
    }

    public void Save(PriceNetwork network, OptimizerHelper optimizer, CheckpointState state, bool bestEpoch)
    {
        Directory.CreateDirectory(Folder);
        Replace(ModelFile, path => network.save(path));
        Replace(OptimizerFile, optimizer.save_state_dict);
        if (bestEpoch) Replace(BestFile, path => network.save(path));
        Replace(StateFile, path => File.WriteAllText(path, JsonSerializer.Serialize(state, TrainingSettings.JsonOptions)));
    }

    /// <summary>Loads the last epoch's weights and optimizer state into a freshly built network and optimizer.</summary>
    public CheckpointState Restore(PriceNetwork network, OptimizerHelper optimizer)
    {
        var state = ReadState();
        network.load(Path.Combine(Folder, ModelFile));
        optimizer.load_state_dict(Path.Combine(Folder, OptimizerFile));
        return state;
    }

    /// <summary>Loads the best epoch's weights into <paramref name="network"/>, where a best epoch was saved.</summary>
    public bool RestoreBest(PriceNetwork network)
    {
        var path = Path.Combine(Folder, BestFile);
        if (!File.Exists(path)) return false;
        network.load(path);
        return true;
    }

    private void Replace(string name, Action<string> write)
    {
        var path = Path.Combine(Folder, name);
        var temporary = path + ".tmp";
        write(temporary);
        File.Move(temporary, path, overwrite: true);
    }
}
