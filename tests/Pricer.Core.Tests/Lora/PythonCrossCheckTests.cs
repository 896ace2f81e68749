using System.Diagnostics;
using Pricer.Core.Lora;
using Pricer.Core.Models.Safetensors;
using Pricer.Testing;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

/// <summary>
/// An adapter written here read by an independent Python reader (the PEFT key names and config fields, the
/// safetensors layout) and the deltas it computes written back by a Python writer and read here.
/// </summary>
public class PythonCrossCheckTests
{
    private const string Python = "/usr/bin/python3";

    [SkippableFact]
    public void Python_reads_our_adapter_and_we_read_its_deltas()
    {
        Skip.IfNot(PythonHasNumpy(), "Skipped: /usr/bin/python3 with numpy is not installed.");
        using var folder = new TempFolder();
        manual_seed(11);
        using var net = new TinyEncoder();
        using var lora = new LoraModel(net);
        var adapter = lora.AddAdapter("price", new LoraConfig { Rank = 3, Alpha = 12, TargetModules = ["query", "dense"] });
        LoraModelTests.Randomise(adapter);
        PeftAdapterFormat.Save(adapter, folder.Path);
        var deltasPath = Path.Combine(folder.Path, "deltas.safetensors");

        var script = Path.Combine(SharedData.Fixtures, "lora", "peft_delta.py");
        using var python = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { script, folder.Path, deltasPath }, RedirectStandardOutput = true, RedirectStandardError = true })!;
        var stderr = python.StandardError.ReadToEndAsync();
        var stdout = python.StandardOutput.ReadToEnd();
        python.WaitForExit();

        Assert.True(python.ExitCode == 0, stderr.Result);
        Assert.Equal("4", stdout.Trim());
        var deltas = SafetensorsFile.Read(deltasPath);
        Assert.Equal(adapter.Layers.Keys.Order(), deltas.Keys.Order());
        foreach (var (path, layer) in adapter.Layers)
        {
            using var theirs = deltas[path].ToTensor();
            using var ours = layer.DeltaWeight().detach();
            Assert.True(ours.allclose(theirs, rtol: 1e-5, atol: 1e-6), path);
        }
    }

    private static bool PythonHasNumpy()
    {
        if (!File.Exists(Python)) return false;
        using var check = Process.Start(new ProcessStartInfo(Python) { ArgumentList = { "-c", "import numpy" }, RedirectStandardError = true })!;
        check.WaitForExit();
        return check.ExitCode == 0;
    }
}
