using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>
/// A Llama 3.x decoder with its language-model head, laid out as Hugging Face's LlamaForCausalLM so state-dict
/// keys (model.layers.N.self_attn.q_proj.weight …) and LoRA target paths match the Hub's checkpoints.
/// </summary>
public sealed class LlamaForCausalLM : nn.Module<Tensor, Tensor>
{
#pragma warning disable IDE1006 // Module names are Hugging Face's.
    private readonly LlamaModel model;
    private readonly Linear lm_head;
#pragma warning restore IDE1006

    /// <param name="linear">Makes the decoder's linear layers; null makes plain ones in <paramref name="dtype"/> on <paramref name="device"/>.</param>
    public LlamaForCausalLM(LlamaConfig config, Device? device = null, ScalarType dtype = ScalarType.Float32, LinearFactory? linear = null)
        : base(nameof(LlamaForCausalLM))
    {
        Config = config;
        device ??= CPU;
        Dtype = dtype;
        model = new LlamaModel(config, "model", linear ?? PlainLinear(device, dtype), device, dtype);
        lm_head = nn.Linear(config.HiddenSize, config.VocabSize, hasBias: false, device: device, dtype: dtype);
        // Tied checkpoints (Llama 3.2 1B/3B) have no lm_head.weight: the head reads the embedding matrix.
        if (config.TieWordEmbeddings) lm_head.weight = model.Embeddings.weight!;
        RegisterComponents();
    }

    public LlamaConfig Config { get; }

    public ScalarType Dtype { get; }

    public Device Device => model.Embeddings.weight!.device;

    public static LinearFactory PlainLinear(Device device, ScalarType dtype) =>
        (_, inFeatures, outFeatures) => nn.Linear(inFeatures, outFeatures, hasBias: false, device: device, dtype: dtype);

    /// <summary>[batch, length] token ids to [batch, length, vocabulary] next-token logits.</summary>
    public override Tensor forward(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        return lm_head.call(model.call(inputIds)).MoveToOuterDisposeScope();
    }
}
