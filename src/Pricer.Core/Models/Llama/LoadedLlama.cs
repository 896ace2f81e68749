namespace Pricer.Core.Models.Llama;

/// <summary>A Llama read from a Hugging Face folder: the network, its tokenizer and where it came from.</summary>
public sealed record LoadedLlama(LlamaForCausalLM Model, Llama3Tokenizer Tokenizer, string Folder) : IDisposable
{
    public void Dispose() => Model.Dispose();
}
