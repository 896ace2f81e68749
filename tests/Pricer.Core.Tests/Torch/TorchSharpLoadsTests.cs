using static TorchSharp.torch;

namespace Pricer.Core.Tests.Torch;

public class TorchSharpLoadsTests
{
    [Fact]
    public void Native_library_loads_and_computes()
    {
        using var a = tensor(new float[] { 1, 2, 3 });
        using var b = a.matmul(a);
        Assert.Equal(14f, b.item<float>());
    }
}
