using Pricer.Core.Text;
using Pricer.Core.Training;
using static TorchSharp.torch;

namespace Pricer.Core.Tests.Training;

public class PriceNetworkTests
{
    private static readonly SparseMatrix Rows = SparseMatrix.FromRows(5000,
    [
        new HashingVectorizer().Transform("The quick brown fox jumps over the lazy dog."),
        new HashingVectorizer().Transform("Stainless steel cordless drill with two batteries"),
        SparseVector.Empty,
    ]);

    [Fact]
    public void Seed_network_has_the_courses_669249_parameters()
    {
        using var network = new PriceNetwork(TrainingPresets.Seed.Network);
        Assert.Equal(669_249, network.ParameterCount);
    }

    [Fact]
    public void Gives_one_output_per_row()
    {
        using var network = new PriceNetwork(TrainingPresets.Seed.Network);
        using var batch = SparseBatch.From(Rows, [0, 1, 2], dense: false, CPU);
        using var output = network.forward(batch);
        Assert.Equal([3L, 1L], output.shape);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Sparse_and_dense_inputs_give_the_same_outputs(bool residual)
    {
        manual_seed(7);
        var settings = residual ? new NetworkSettings { HiddenSizes = [32, 32, 32], Residual = true } : TrainingPresets.Seed.Network;
        using var network = new PriceNetwork(settings);
        network.eval();
        using var sparse = SparseBatch.From(Rows, [0, 1, 2], dense: false, CPU);
        using var dense = SparseBatch.From(Rows, [0, 1, 2], dense: true, CPU);
        using var fromSparse = network.forward(sparse);
        using var fromDense = network.forward(dense);
        Assert.Equal([3L, 5000L], dense.Dense!.shape);
        Assert.True(fromSparse.allclose(fromDense, rtol: 1e-5, atol: 1e-6), $"{string.Join(", ", fromSparse.data<float>().ToArray())} vs {string.Join(", ", fromDense.data<float>().ToArray())}");
        Assert.NotEqual(fromSparse[0].item<float>(), fromSparse[1].item<float>());
    }

    [Fact]
    public void Residual_network_has_the_2025_courses_parts()
    {
        using var network = new PriceNetwork(new NetworkSettings { HiddenSizes = [64, 64, 64], Residual = true, Dropout = 0.2 });
        var names = network.named_parameters().Select(p => PyTorchStateDict.PyTorchName(network, p.name)).ToList();
        Assert.Contains("input_layer.weight", names);
        Assert.Contains("input_norm.weight", names);
        Assert.Contains("residual_blocks.1.block.5.bias", names);
        Assert.Contains("output_layer.weight", names);
        Assert.Equal(5000 * 64 + 64 + 2 * 64 + 2 * (2 * (64 * 64 + 64) + 4 * 64) + 65, network.ParameterCount);
    }

    [Theory]
    [InlineData(0, "hidden")]
    [InlineData(-1, "between")]
    public void Impossible_shapes_are_refused_with_a_reason(int size, string expected)
    {
        var settings = new NetworkSettings { HiddenSizes = size == 0 ? [] : [size] };
        var error = Assert.Throws<ArgumentException>(() => new PriceNetwork(settings));
        Assert.Contains(expected, error.Message);
    }
}
