using System.Text.Json;
using Pricer.Core.Evaluation;
using Pricer.Core.Models.Llama;
using Pricer.Core.Models.Quantization;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Lora.FineTuning.Llama;

/// <summary>
/// A LoRA-adapted Llama that prices from the course prompt: by greedy generation of up to 5 tokens read with
/// the course's price parser, or (the course 2024 evaluation) by the probability-weighted mean of the top 3
/// next tokens that read as prices. Saved as a PEFT adapter folder plus llama_pricer.json.
/// </summary>
public sealed class LlamaPricer : IDisposable
{
    public const string AdapterName = "price";
    public const string SettingsFileName = "llama_pricer.json";
    public const int MaxNewTokens = 5;
    public const int TopK = 3;

    private LlamaPricer(LoadedLlama llama, LoraModel lora, int maxTextTokens)
    {
        Llama = llama;
        Lora = lora;
        MaxTextTokens = maxTextTokens;
    }

    public LoadedLlama Llama { get; }

    public LoraModel Lora { get; }

    public int MaxTextTokens { get; }

    public LoraAdapter Adapter => Lora.Get(AdapterName);

    /// <summary>Frozen and adapter parameters; NF4 layers count the weights they stand for, as PEFT counts 4-bit ones.</summary>
    public ParameterReport Parameters
    {
        get
        {
            var plain = ParameterReport.Of(Llama.Model.parameters().Concat(Adapter.TrainableParameters()));
            var quantized = Llama.Model.modules().OfType<Nf4Linear>().Sum(l => l.Weight.ElementCount);
            return plain with { AllParameters = plain.AllParameters + quantized };
        }
    }

    public static LlamaPricer Create(LoadedLlama llama, LoraConfig config, int maxTextTokens)
    {
        var lora = new LoraModel(llama.Model);
        try
        {
            lora.AddAdapter(AdapterName, config);
        }
        catch
        {
            lora.Dispose();
            throw;
        }
        return new LlamaPricer(llama, lora, maxTextTokens);
    }

    public static LlamaPricer Load(LoadedLlama llama, string folder)
    {
        var settingsPath = Path.Combine(folder, SettingsFileName);
        if (!File.Exists(settingsPath)) throw new LoraFormatException($"{folder} has no {SettingsFileName}: it is not a saved Llama pricer.");
        Settings settings;
        try
        {
            settings = JsonSerializer.Deserialize<Settings>(File.ReadAllText(settingsPath)) ?? throw new LoraFormatException($"{SettingsFileName} is empty.");
        }
        catch (JsonException e)
        {
            throw new LoraFormatException($"{SettingsFileName} is not valid: {e.Message}");
        }
        var lora = new LoraModel(llama.Model);
        try
        {
            PeftAdapterFormat.Load(lora, folder, AdapterName);
        }
        catch
        {
            lora.Dispose();
            throw;
        }
        return new LlamaPricer(llama, lora, settings.MaxTextTokens);
    }

    public void Save(string folder)
    {
        PeftAdapterFormat.Save(Adapter, folder);
        File.WriteAllText(Path.Combine(folder, SettingsFileName), JsonSerializer.Serialize(new Settings(MaxTextTokens)));
    }

    /// <summary>Greedy decoding of up to <see cref="MaxNewTokens"/> tokens after the prompt, stopping at the end token.</summary>
    public string Generate(string text, int maxNewTokens = MaxNewTokens)
    {
        var ids = CoursePrompt.PromptIds(Llama.Tokenizer, text, MaxTextTokens).ToList();
        var generated = new List<int>();
        for (var i = 0; i < maxNewTokens; i++)
        {
            using var scope = NewDisposeScope();
            var next = (int)NextTokenLogits(ids).argmax().item<long>();
            if (next == Llama.Model.Config.EosTokenId) break;
            ids.Add(next);
            generated.Add(next);
        }
        return Llama.Tokenizer.Decode(generated);
    }

    /// <summary>The price in the greedy reply, read by the course's rule (<see cref="PriceReply"/>).</summary>
    public double PriceByGeneration(string text) => Math.Max(0, PriceReply.Parse(Generate(text)));

    /// <summary>The course 2024 evaluation's price from the top 3 next tokens (<see cref="TopTokenPrice"/>).</summary>
    public double PriceByTopTokens(string text)
    {
        using var scope = NewDisposeScope();
        var ids = CoursePrompt.PromptIds(Llama.Tokenizer, text, MaxTextTokens);
        var probabilities = NextTokenLogits(ids).to(ScalarType.Float32, CPU).softmax(-1);
        var (top, indices) = probabilities.topk(TopK);
        var topProbabilities = top.data<float>().ToArray();
        var topIds = indices.data<long>().ToArray();
        return TopTokenPrice.Weighted(topIds.Select((id, i) => (Llama.Tokenizer.Decode([(int)id]), (double)topProbabilities[i])));
    }

    /// <summary>Prices texts the course 2024 way (<see cref="PriceByTopTokens"/>).</summary>
    public double[] Price(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var prices = new double[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            prices[i] = PriceByTopTokens(texts[i]);
        }
        return prices;
    }

    /// <summary>Removes the adapter from the base; the loaded Llama belongs to the caller.</summary>
    public void Dispose() => Lora.Dispose();

    private Tensor NextTokenLogits(IReadOnlyList<int> ids)
    {
        Llama.Model.eval();
        using var _ = no_grad();
        using var input = tensor(ids.Select(i => (long)i).ToArray(), [1, ids.Count], device: Llama.Model.Device);
        return Llama.Model.call(input)[0, -1];
    }

    private sealed record Settings(int MaxTextTokens);
}
