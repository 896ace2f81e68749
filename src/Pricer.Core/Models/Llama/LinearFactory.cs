using static TorchSharp.torch;

namespace Pricer.Core.Models.Llama;

/// <summary>Makes the linear layer at a module path (such as model.layers.0.self_attn.q_proj): a plain one, or a frozen quantised one.</summary>
public delegate nn.Module<Tensor, Tensor> LinearFactory(string path, long inFeatures, long outFeatures);
