using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Pricer.Core.Training;

/// <summary>
/// The price network: a sparse first layer, then either the seed's ReLU stack (<c>layers</c>) or the course's
/// 2025 residual network (<c>input_norm</c>, <c>residual_blocks</c>, <c>output_layer</c>), one price per row.
/// </summary>
public sealed class PriceNetwork : Module<SparseBatch, Tensor>
{
    private readonly SparseLinear input;
    private readonly ModuleList<Linear>? layers;
    private readonly LayerNorm? input_norm;
    private readonly ModuleList<ResidualBlock>? residual_blocks;
    private readonly Linear? output_layer;
    private readonly SeededDropout? dropout;

    /// <param name="settings">The network's shape.</param>
    /// <param name="random">Where the initial weights are drawn from; torch's process-wide generator when null.</param>
    public PriceNetwork(NetworkSettings settings, Generator? random = null) : base(nameof(PriceNetwork))
    {
        if (settings.Problem() is { } problem) throw new ArgumentException(problem, nameof(settings));
        Settings = settings;
        var hidden = settings.HiddenSizes;
        input = new SparseLinear(settings.InputSize, hidden[0], random);
        if (settings.Dropout > 0) dropout = new SeededDropout(settings.Dropout);
        if (settings.Residual)
        {
            input_norm = LayerNorm(hidden[0]);
            residual_blocks = new ModuleList<ResidualBlock>(hidden.Skip(1).Select(h => new ResidualBlock(h, settings.Dropout, random)).ToArray());
            output_layer = SeededLinear.Create(hidden[0], 1, random);
        }
        else
        {
            var sizes = hidden.Append(1).ToArray();
            layers = new ModuleList<Linear>(sizes.Zip(sizes.Skip(1), (from, to) => SeededLinear.Create(from, to, random)).ToArray());
        }
        RegisterComponents();
    }

    public NetworkSettings Settings { get; }

    public SparseLinear Input => input;

    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Makes every dropout draw its masks from <paramref name="random"/> (on the network's device).</summary>
    public void UseDropoutRandom(Generator random)
    {
        foreach (var module in modules().OfType<SeededDropout>()) module.Random = random;
    }

    /// <summary>One output per row: a column of batch rows x 1.</summary>
    public override Tensor forward(SparseBatch batch)
    {
        var x = input.forward(batch);
        if (residual_blocks is not null)
        {
            x = Dropped(functional.relu(input_norm!.forward(x)));
            foreach (var block in residual_blocks) x = block.forward(x);
            return output_layer!.forward(x);
        }
        x = Dropped(functional.relu(x));
        for (var i = 0; i < layers!.Count - 1; i++) x = Dropped(functional.relu(layers[i].forward(x)));
        return layers[layers.Count - 1].forward(x);
    }

    private Tensor Dropped(Tensor x) => dropout is null ? x : dropout.forward(x);
}
