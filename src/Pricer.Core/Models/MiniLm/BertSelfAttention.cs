using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Models.MiniLm;

#pragma warning disable IDE1006 // Field names are the Hugging Face module names, so weights and PEFT keys line up.
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly int heads;
    private readonly int headSize;

    public BertSelfAttention(BertConfig config) : base(nameof(BertSelfAttention))
    {
        query = nn.Linear(config.HiddenSize, config.HiddenSize);
        key = nn.Linear(config.HiddenSize, config.HiddenSize);
        value = nn.Linear(config.HiddenSize, config.HiddenSize);
        heads = config.Heads;
        headSize = config.HeadSize;
        RegisterComponents();
    }

    /// <param name="hidden">[batch, tokens, hidden]</param>
    /// <param name="maskBias">[batch, 1, 1, tokens]: 0 where attended, a large negative number at padding.</param>
    public override Tensor forward(Tensor hidden, Tensor maskBias)
    {
        var (batch, tokens) = (hidden.shape[0], hidden.shape[1]);
        Tensor Heads(Tensor x) => x.view(batch, tokens, heads, headSize).transpose(1, 2);
        var q = Heads(query.call(hidden));
        var k = Heads(key.call(hidden));
        var v = Heads(value.call(hidden));
        var scores = q.matmul(k.transpose(-1, -2)).div(Math.Sqrt(headSize)).add(maskBias);
        var context = scores.softmax(-1).matmul(v);
        return context.transpose(1, 2).contiguous().view(batch, tokens, heads * headSize);
    }
}
