using System.Diagnostics;
using System.Text.Json;
using Pricer.Core.Text;
using Pricer.Core.Training;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Training;

/// <summary>
/// State_dicts cross between PyTorch and PricerWeb with the seed's key names. The PyTorch side runs
/// tests/fixtures/training/seed_state_dict.py with Debian's python3-torch where it is installed.
/// </summary>
public class PyTorchInteropTests
{
    private const string Python = "/usr/bin/python3";
    private static readonly Lazy<bool> TorchInstalled = new(() => RunPython("-c", "import torch").ExitCode == 0);

    private static readonly SparseMatrix Rows = SparseMatrix.FromRows(5000, Enumerable.Range(0, 3).Select(r =>
    {
        var indices = Enumerable.Range(0, 10).Select(k => (r * 37 + k * 101) % 5000).Order().ToArray();
        return new SparseVector(indices, Enumerable.Repeat(0.3f, 10).ToArray());
    }));

    [Fact]
    public void A_saved_state_dict_loads_back_into_an_equal_network()
    {
        using var folder = new TempFolder();
        manual_seed(3);
        using var original = new TrainedNetwork(new PriceNetwork(TrainingPresets.Seed.Network), TrainingPresets.Seed, TargetScaler.Raw, CPU);
        original.SavePyTorch(folder.File("model.pt"));
        using var loaded = TrainedNetwork.LoadPyTorch(folder.File("model.pt"), TrainingPresets.Seed, TargetScaler.Raw, DeviceChoice.Cpu);
        Assert.Equal(Outputs(original), Outputs(loaded));
    }

    [Fact]
    public void A_state_dict_of_another_shape_is_refused()
    {
        using var folder = new TempFolder();
        var small = TrainingPresets.Seed with { Network = new NetworkSettings { HiddenSizes = [16] } };
        using (var network = new TrainedNetwork(new PriceNetwork(small.Network), small, TargetScaler.Raw, CPU)) network.SavePyTorch(folder.File("small.pt"));
        var error = Assert.Throws<InvalidDataException>(() => TrainedNetwork.LoadPyTorch(folder.File("small.pt"), TrainingPresets.Seed, TargetScaler.Raw, DeviceChoice.Cpu));
        Assert.Contains("different network", error.Message);
        File.WriteAllText(folder.File("junk.pt"), "not a pickle");
        Assert.Throws<InvalidDataException>(() => TrainedNetwork.LoadPyTorch(folder.File("junk.pt"), TrainingPresets.Seed, TargetScaler.Raw, DeviceChoice.Cpu));
    }

    [SkippableFact]
    public void A_model_saved_by_the_seeds_pytorch_code_loads_here()
    {
        Skip.IfNot(TorchInstalled.Value, $"Skipped: {Python} cannot import torch (apt-get install python3-torch); the C#-only round trip still ran.");
        using var folder = new TempFolder();
        var python = RunPython(Script, "save", folder.File("seed.pt"));
        Assert.True(python.ExitCode == 0, python.Error);

        using var network = TrainedNetwork.LoadPyTorch(folder.File("seed.pt"), TrainingPresets.Seed, TargetScaler.Raw, DeviceChoice.Cpu);
        AssertClose(JsonSerializer.Deserialize<double[]>(python.Output)!, Outputs(network));
    }

    [SkippableFact]
    public void A_model_saved_here_loads_into_the_seeds_pytorch_code()
    {
        Skip.IfNot(TorchInstalled.Value, $"Skipped: {Python} cannot import torch (apt-get install python3-torch); the C#-only round trip still ran.");
        using var folder = new TempFolder();
        manual_seed(11);
        using var network = new TrainedNetwork(new PriceNetwork(TrainingPresets.Seed.Network), TrainingPresets.Seed, TargetScaler.Raw, CPU);
        network.SavePyTorch(folder.File("ours.pt"));

        var python = RunPython(Script, "load", folder.File("ours.pt"));
        Assert.True(python.ExitCode == 0, python.Error);
        AssertClose(Outputs(network), JsonSerializer.Deserialize<double[]>(python.Output)!);
    }

    private static string Script => Path.Combine(SharedData.Fixtures, "training", "seed_state_dict.py");

    /// <summary>The network's raw outputs (prices would clip an untrained network's negative outputs to 0).</summary>
    private static double[] Outputs(TrainedNetwork network)
    {
        network.Network.eval();
        using var noGrad = no_grad();
        using var batch = SparseBatch.From(Rows, [0, 1, 2], dense: false, CPU);
        using var output = network.Network.forward(batch);
        return output.data<float>().ToArray().Select(v => (double)v).ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(3, actual.Length);
        Assert.Equal(3, actual.Distinct().Count());
        for (var i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 4);
    }

    private static (int ExitCode, string Output, string Error) RunPython(params string[] arguments)
    {
        if (!File.Exists(Python)) return (-1, "", $"{Python} is not installed");
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["OPENBLAS_NUM_THREADS"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Result.Trim(), error);
    }
}
