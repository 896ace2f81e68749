using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Training.Cpu;

/// <summary>
/// Takes torch's Adam or AdamW steps on the CPU with <see cref="AdamKernel"/>, in place on the parameters' memory
/// and on the moments inside torch's own optimizer, so its state_dict, checkpoints and resumption stay torch's.
/// The learning rate is read from the optimizer's group on every step (the cosine schedule sets it there).
/// </summary>
internal sealed class CpuAdam
{
    /// <summary>Below this many elements a second thread costs more than it saves.</summary>
    private const int ParallelThreshold = 1 << 16;

    private readonly optim.Optimizer _optimizer;
    private readonly Parameter[] _parameters;
    private readonly Moments[] _moments;
    private readonly double _beta1, _beta2, _epsilon, _weightDecay;
    private readonly bool _decoupled;

    private CpuAdam(optim.Optimizer optimizer, Parameter[] parameters, Moments[] moments, double beta1, double beta2, double epsilon, double weightDecay, bool decoupled)
    {
        (_optimizer, _parameters, _moments) = (optimizer, parameters, moments);
        (_beta1, _beta2, _epsilon, _weightDecay, _decoupled) = (beta1, beta2, epsilon, weightDecay, decoupled);
    }

    /// <summary>Threads for the large tensors: torch's own intra-op setting, so one knob (torch.set_num_threads) governs both paths.</summary>
    private readonly int _threads = Math.Min(2, get_num_threads());

    /// <summary>A CPU stepper over <paramref name="optimizer"/>'s state, or null where it is not a one-group Adam/AdamW without AMSGrad on the CPU.</summary>
    public static CpuAdam? Over(optim.Optimizer optimizer, IReadOnlyList<Parameter> parameters)
    {
        if (optimizer is not OptimizerHelper helper || parameters.Any(p => p.device_type != DeviceType.CPU || p.dtype != ScalarType.Float32 || !p.is_contiguous())) return null;
        var dictionary = helper.state_dict();
        if (dictionary.Options.Count != 1 || dictionary.State.Count != parameters.Count) return null;
        var moments = new Moments[parameters.Count];
        for (var i = 0; i < moments.Length; i++)
        {
            moments[i] = dictionary.State[i] switch
            {
                Adam.State { max_exp_avg_sq: null } s => new Moments(() => s.step, step => s.step = step, () => s.exp_avg, () => s.exp_avg_sq),
                AdamW.State { max_exp_avg_sq: null } s => new Moments(() => s.step, step => s.step = step, () => s.exp_avg, () => s.exp_avg_sq),
                _ => null!,
            };
            if (moments[i] is null) return null;
        }
        return dictionary.Options[0] switch
        {
            Adam.Options { maximize: false } o => new CpuAdam(optimizer, [.. parameters], moments, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, decoupled: false),
            AdamW.Options { maximize: false } o => new CpuAdam(optimizer, [.. parameters], moments, o.beta1!.Value, o.beta2!.Value, o.eps!.Value, o.weight_decay!.Value, decoupled: true),
            _ => null,
        };
    }

    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Counts one more step for parameter <paramref name="index"/> and gives its coefficients.</summary>
    public AdamCoefficients Begin(int index, float gradientScale)
    {
        var moments = _moments[index];
        var step = moments.Step() + 1;
        moments.SetStep(step);
        var learningRate = _optimizer.ParamGroups.First().LearningRate;
        return AdamCoefficients.For(step, learningRate, _beta1, _beta2, _epsilon, _weightDecay, _decoupled, gradientScale);
    }

    /// <summary>The step for every parameter from the gradients torch's backward left in them.</summary>
    public void StepFromTorchGradients()
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            using var gradient = _parameters[i].grad;
            if (gradient is null) continue;
            Update(i, gradient, Begin(i, 1f));
        }
    }

    /// <summary>Updates parameter <paramref name="index"/> with a whole gradient tensor, in two halves on two threads where it is large.</summary>
    private void Update(int index, Tensor gradient, AdamCoefficients c)
    {
        var length = (int)_parameters[index].numel();
        if (_threads < 2 || length < ParallelThreshold)
        {
            UpdateRange(index, gradient, 0, length, c);
            return;
        }
        var half = length / 2 / 64 * 64;
        Parallel.Invoke(() => UpdateRange(index, gradient, 0, half, c), () => UpdateRange(index, gradient, half, length - half, c));
    }

    private void UpdateRange(int index, Tensor gradient, int start, int length, AdamCoefficients c) =>
        AdamKernel.Update(Floats(_parameters[index]).Slice(start, length), Floats(gradient).Slice(start, length),
            Floats(_moments[index].Average()).Slice(start, length), Floats(_moments[index].Squares()).Slice(start, length), c);

    /// <summary>Updates parameter <paramref name="index"/> with a gradient kept outside torch.</summary>
    public void Update(int index, ReadOnlySpan<float> gradient, in AdamCoefficients c) =>
        AdamKernel.Update(Floats(_parameters[index]), gradient, Floats(_moments[index].Average()), Floats(_moments[index].Squares()), c);

    /// <summary>
    /// Updates the rows of a features x width parameter whose gradient is zero but for the <paramref name="touched"/>
    /// rows (ascending), whose gradients lie one after the other in <paramref name="touchedGradients"/>: every row
    /// still takes its step, as torch's dense gradient gives it. Two threads take half the rows each.
    /// </summary>
    public void UpdateRows(int index, int width, int[] touched, int touchedCount, float[] touchedGradients, AdamCoefficients c)
    {
        var rows = (int)(_parameters[index].numel() / width);
        if (_threads < 2 || rows * width < ParallelThreshold)
        {
            UpdateRows(index, width, touched, 0, touchedCount, touchedGradients, 0, rows, c);
            return;
        }
        var middle = rows / 2;
        var split = Array.BinarySearch(touched, 0, touchedCount, middle);
        if (split < 0) split = ~split;
        Parallel.Invoke(
            () => UpdateRows(index, width, touched, 0, split, touchedGradients, 0, middle, c),
            () => UpdateRows(index, width, touched, split, touchedCount, touchedGradients, middle, rows, c));
    }

    /// <summary>Rows <paramref name="firstRow"/> to <paramref name="endRow"/>, whose touched rows are touched[from..to].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void UpdateRows(int index, int width, int[] touched, int from, int to, float[] touchedGradients, int firstRow, int endRow, in AdamCoefficients c)
    {
        var parameter = Floats(_parameters[index]);
        var average = Floats(_moments[index].Average());
        var squares = Floats(_moments[index].Squares());
        var row = firstRow;
        for (var t = from; t <= to; t++)
        {
            var next = t < to ? touched[t] : endRow;
            if (next > row)
            {
                var untouched = new Range(row * width, next * width);
                AdamKernel.Update(parameter[untouched], [], average[untouched], squares[untouched], c);
            }
            if (t == to) break;
            var range = new Range(next * width, (next + 1) * width);
            AdamKernel.Update(parameter[range], touchedGradients.AsSpan(t * width, width), average[range], squares[range], c);
            row = next + 1;
        }
    }

    /// <summary>A CPU float tensor's storage.</summary>
    public static Span<float> Floats(Tensor tensor) => MemoryMarshal.Cast<byte, float>(tensor.bytes);

    /// <summary>Torch's state for one parameter, read through on every use: loading a state dict may replace its tensors.</summary>
    private sealed record Moments(Func<long> Step, Action<long> SetStep, Func<Tensor> Average, Func<Tensor> Squares);
}
