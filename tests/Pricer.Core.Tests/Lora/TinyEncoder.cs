using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Lora;

/// <summary>A two-block module tree whose linear layers are named like BERT's, to aim adapters at.</summary>
internal sealed class TinyEncoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<TinyBlock> layer;

    public TinyEncoder(int width = 6, int blocks = 2) : base(nameof(TinyEncoder))
    {
        layer = new ModuleList<TinyBlock>([.. Enumerable.Range(0, blocks).Select(_ => new TinyBlock(width))]);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var x = input;
        foreach (var block in layer) x = block.call(x);
        return x;
    }
}

internal sealed class TinyBlock : nn.Module<Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear value;
    private readonly Linear dense;

    public TinyBlock(int width) : base(nameof(TinyBlock))
    {
        query = nn.Linear(width, width);
        value = nn.Linear(width, width);
        dense = nn.Linear(width, width);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => dense.call(nn.functional.relu(query.call(input)) + value.call(input));
}
