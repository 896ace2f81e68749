using Pricer.Core.Models.Safetensors;

namespace Pricer.Core.Lora;

/// <summary>Writes the base model with one adapter merged in, as a plain safetensors state dict with the base's key names.</summary>
public static class MergedExport
{
    public static void Save(LoraModel model, string adapterName, string path)
    {
        var adapter = model.Get(adapterName);
        var wasMerged = adapter.Merged;
        model.Merge(adapterName);
        try
        {
            var tensors = model.Base.state_dict().ToDictionary(p => p.Key, p => SafeTensor.From(p.Value), StringComparer.Ordinal);
            SafetensorsFile.Write(path, tensors, new Dictionary<string, string> { ["format"] = "pt" });
        }
        finally
        {
            if (!wasMerged) model.Unmerge(adapterName);
        }
    }
}
