using System.Text.Json.Nodes;

namespace Pricer.Core.Models.Llama;

/// <summary>config.json's rope_scaling: Llama 3.x's "llama3" frequency scaling, the only kind read here.</summary>
public sealed record RopeScaling(double Factor, double LowFreqFactor, double HighFreqFactor, int OriginalMaxPositionEmbeddings)
{
    public const string Llama3 = "llama3";

    public static RopeScaling FromJson(JsonObject json)
    {
        var type = json["rope_type"]?.GetValue<string>() ?? json["type"]?.GetValue<string>();
        if (type != Llama3) throw new LlamaFormatException($"config.json: rope_scaling type '{type}' is not supported (only {Llama3}).");
        var scaling = new RopeScaling(
            json["factor"]?.GetValue<double>() ?? throw new LlamaFormatException("config.json: rope_scaling has no factor."),
            json["low_freq_factor"]?.GetValue<double>() ?? 1,
            json["high_freq_factor"]?.GetValue<double>() ?? 4,
            json["original_max_position_embeddings"]?.GetValue<int>() ?? 8192);
        if (scaling.Factor <= 0 || scaling.HighFreqFactor <= scaling.LowFreqFactor || scaling.OriginalMaxPositionEmbeddings < 1)
            throw new LlamaFormatException("config.json: rope_scaling needs factor > 0, high_freq_factor > low_freq_factor and a positive original length.");
        return scaling;
    }

    public JsonObject ToJson() => new()
    {
        ["rope_type"] = Llama3,
        ["factor"] = Factor,
        ["low_freq_factor"] = LowFreqFactor,
        ["high_freq_factor"] = HighFreqFactor,
        ["original_max_position_embeddings"] = OriginalMaxPositionEmbeddings,
    };

    /// <summary>
    /// Llama 3's rescaling of rotary inverse frequencies: long wavelengths are slowed by <see cref="Factor"/>,
    /// short ones kept, and those between blended smoothly (as transformers' _compute_llama3_parameters).
    /// </summary>
    public double[] Rescale(double[] inverseFrequencies)
    {
        var lowFreqWavelength = OriginalMaxPositionEmbeddings / LowFreqFactor;
        var highFreqWavelength = OriginalMaxPositionEmbeddings / HighFreqFactor;
        return [.. inverseFrequencies.Select(frequency =>
        {
            var wavelength = 2 * Math.PI / frequency;
            if (wavelength < highFreqWavelength) return frequency;
            if (wavelength > lowFreqWavelength) return frequency / Factor;
            var smooth = (OriginalMaxPositionEmbeddings / wavelength - LowFreqFactor) / (HighFreqFactor - LowFreqFactor);
            return (1 - smooth) * frequency / Factor + smooth * frequency;
        })];
    }
}
