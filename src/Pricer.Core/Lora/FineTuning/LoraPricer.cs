using System.Text.Json;
using Pricer.Core.Models.MiniLm;
using Pricer.Core.Models.Safetensors;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning;

/// <summary>
/// A LoRA-adapted MiniLM that prices texts. Saved as a PEFT adapter folder plus regression_head.safetensors
/// (the linear head) and pricer.json (the price scale and token limit). One pricer at a time may sit over an
/// encoder: its adapter hooks into the encoder's layers until the pricer is disposed.
/// </summary>
public sealed class LoraPricer : IDisposable
{
    public const string HeadFileName = "regression_head.safetensors";
    public const string SettingsFileName = "pricer.json";
    public const string AdapterName = "price";

    internal LoraPricer(MiniLmPriceRegressor model, LoraModel lora, PriceScale scale, MiniLmTokenizer tokenizer)
    {
        Model = model;
        Lora = lora;
        Scale = scale;
        Tokenizer = tokenizer;
    }

    public MiniLmPriceRegressor Model { get; }

    public LoraModel Lora { get; }

    /// <summary>How outputs become prices; a fine-tune sets its log variance at the end when it calibrates to the mean.</summary>
    public PriceScale Scale { get; internal set; }

    public MiniLmTokenizer Tokenizer { get; }

    public LoraAdapter Adapter => Lora.Get(AdapterName);

    /// <summary>Every parameter: the frozen encoder, the adapter and the head.</summary>
    public ParameterReport Parameters => ParameterReport.Of(Model.parameters().Concat(Adapter.TrainableParameters()));

    public static LoraPricer Create(BertModel encoder, LoraConfig config, PriceScale scale, int maxTokens)
    {
        var model = new MiniLmPriceRegressor(encoder);
        var lora = new LoraModel(encoder);
        lora.AddAdapter(AdapterName, config);
        return new LoraPricer(model, lora, scale, new MiniLmTokenizer(maxTokens));
    }

    /// <summary>Loads a saved pricer folder over <paramref name="encoder"/> (pretrained MiniLM weights).</summary>
    public static LoraPricer Load(BertModel encoder, string folder)
    {
        var settingsPath = Path.Combine(folder, SettingsFileName);
        if (!File.Exists(settingsPath)) throw new LoraFormatException($"{folder} has no {SettingsFileName}: it is not a saved LoRA pricer.");
        PricerSettings settings;
        try
        {
            settings = JsonSerializer.Deserialize<PricerSettings>(File.ReadAllText(settingsPath)) ?? throw new LoraFormatException($"{SettingsFileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new LoraFormatException($"{SettingsFileName} is not valid: {e.Message}");
        }
        var model = new MiniLmPriceRegressor(encoder);
        var lora = new LoraModel(encoder);
        try
        {
            PeftAdapterFormat.Load(lora, folder, AdapterName);
            var head = SafetensorsFile.Read(Path.Combine(folder, HeadFileName));
            using var _ = no_grad();
            using var weight = head[$"{MiniLmPriceRegressor.HeadName}.weight"].ToTensor();
            using var bias = head[$"{MiniLmPriceRegressor.HeadName}.bias"].ToTensor();
            model.Head.weight!.copy_(weight);
            model.Head.bias!.copy_(bias);
        }
        catch (Exception e) when (e is KeyNotFoundException or FileNotFoundException or SafetensorsException or ArgumentException)
        {
            lora.Dispose();
            throw new LoraFormatException($"{folder}: the regression head cannot be read ({e.Message}).");
        }
        return new LoraPricer(model, lora, new PriceScale(settings.Mean, settings.Std, settings.LogVariance), new MiniLmTokenizer(settings.MaxTokens));
    }

    public void Save(string folder)
    {
        PeftAdapterFormat.Save(Adapter, folder);
        SafetensorsFile.Write(Path.Combine(folder, HeadFileName), new Dictionary<string, SafeTensor>
        {
            [$"{MiniLmPriceRegressor.HeadName}.weight"] = SafeTensor.From(Model.Head.weight!),
            [$"{MiniLmPriceRegressor.HeadName}.bias"] = SafeTensor.From(Model.Head.bias!),
        });
        File.WriteAllText(Path.Combine(folder, SettingsFileName),
            JsonSerializer.Serialize(new PricerSettings(Scale.Mean, Scale.Std, Tokenizer.MaxTokens, Scale.LogVariance), new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>Standardised log-price outputs for <paramref name="texts"/>, in eval mode, in batches.</summary>
    public float[] PredictTargets(IReadOnlyList<string> texts, int batchSize = 32, CancellationToken cancellationToken = default)
    {
        Model.eval();
        var outputs = new float[texts.Count];
        using var _ = no_grad();
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var scope = NewDisposeScope();
            var slice = texts.Skip(start).Take(batchSize).ToList();
            using var batch = Tokenizer.Encode(slice);
            Model.call(batch).data<float>().CopyTo(outputs, start);
        }
        return outputs;
    }

    public double[] Price(IReadOnlyList<string> texts, CancellationToken cancellationToken = default) =>
        [.. PredictTargets(texts, cancellationToken: cancellationToken).Select(t => Scale.ToPrice(t))];

    /// <summary>Removes the adapter and frees the head; the encoder belongs to the caller and stays usable.</summary>
    public void Dispose()
    {
        Lora.Dispose();
        Model.Head.Dispose();
    }

    private sealed record PricerSettings(double Mean, double Std, int MaxTokens, double LogVariance = 0);
}
