namespace PricerWeb.Features.FineTuning;

/// <summary>Llama bases to fine-tune and serve, and how served bases are kept. Bound from the "FineTuning" section.</summary>
public sealed class FineTuningOptions
{
    public const string SectionName = "FineTuning";

    /// <summary>Hugging Face Llama folders by name; folders under &lt;data directory&gt;/models/ join them unless <see cref="DiscoverModels"/> is off.</summary>
    public List<LlamaBaseOptions> Bases { get; set; } = [];

    public bool DiscoverModels { get; set; } = true;

    /// <summary>A served base (and its adapters) unused this long is unloaded; 0 keeps it until the app stops.</summary>
    public double ServingIdleMinutes { get; set; } = 15;
}

/// <summary>One Llama folder offered as a base model.</summary>
public sealed class LlamaBaseOptions
{
    /// <summary>The base's key: its adapters' folder name and the address segment of its API.</summary>
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    /// <summary>Hold the frozen decoder weights as NF4 (QLoRA) when training and serving.</summary>
    public bool Nf4 { get; set; }

    /// <summary>Tokens the served model may generate for its reply (the course used 5).</summary>
    public int MaxNewTokens { get; set; } = Pricer.Core.Lora.FineTuning.Llama.LlamaPricer.MaxNewTokens;
}
