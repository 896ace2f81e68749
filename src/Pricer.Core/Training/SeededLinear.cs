using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Training;

/// <summary>nn.Linear with its default initialisation (uniform in ±1/sqrt(inputs)) drawn from a given generator.</summary>
internal static class SeededLinear
{
    public static Linear Create(int inputs, int outputs, Generator? random)
    {
        var linear = nn.Linear(inputs, outputs);
        var bound = 1.0 / Math.Sqrt(inputs);
        using (no_grad())
        {
            linear.weight!.uniform_(-bound, bound, random);
            linear.bias!.uniform_(-bound, bound, random);
        }
        return linear;
    }
}
