using Pricer.Core.Lora;
using Pricer.Core.Lora.FineTuning;
using Pricer.Core.Lora.FineTuning.Llama;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.MiniLm;

namespace Pricer.Data.Lora;

/// <summary>Writes a base with a saved pricer adapter merged into its weights (the CLI's `lora merge` and the app's download).</summary>
public static class AdapterMerge
{
    /// <summary>MiniLM with the adapter in <paramref name="adapterPath"/> merged in; returns how many layers changed.</summary>
    public static int MiniLm(string adapterPath, string outputPath)
    {
        using var encoder = MiniLmWeights.LoadPretrained();
        using var pricer = LoraPricer.Load(encoder, adapterPath);
        MergedExport.Save(pricer.Lora, LoraPricer.AdapterName, outputPath);
        return pricer.Adapter.Layers.Count;
    }

    /// <summary>
    /// The Llama in <paramref name="baseFolder"/>, loaded in full precision even for a QLoRA adapter (merging into NF4
    /// weights would quantise the update away), with the adapter merged in; returns how many layers changed.
    /// </summary>
    public static int Llama(string baseFolder, string adapterPath, string outputPath)
    {
        using var llama = LlamaFolder.Load(baseFolder);
        using var pricer = LlamaPricer.Load(llama, adapterPath);
        MergedExport.Save(pricer.Lora, LlamaPricer.AdapterName, outputPath);
        return pricer.Adapter.Layers.Count;
    }
}
