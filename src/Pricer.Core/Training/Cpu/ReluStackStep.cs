using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using Pricer.Core.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Pricer.Core.Training.Cpu;

/// <summary>
/// A training step of the plain ReLU stack on the CPU by hand: forward and backward over the network's own
/// parameter memory, then <see cref="CpuAdam"/>. The sparse first layer is a gathered sum of weight rows and its
/// gradient is kept for the touched rows alone; torch's autograd, its dense 5000 x 128 gradient and its zero_grad
/// go. Dropout masks are drawn from the run's generator in torch's order and shape, so a run's draws are those
/// of the torch path. Covers what <see cref="Supports"/> says; the trainer keeps torch for the rest.
/// </summary>
internal sealed class ReluStackStep
{
    private readonly TrainingSettings _settings;
    private readonly CpuAdam _adam;
    private readonly Generator? _dropoutRandom;
    private readonly int[] _weightIndex;
    private readonly int[] _biasIndex;
    private readonly int[] _sizes;
    private readonly float[][] _activations;
    private readonly float[][] _relu;
    private readonly float[][] _masks;
    private readonly float[][] _gradients;
    private readonly float[][] _weightGradients;
    private readonly float[][] _biasGradients;
    private readonly float[][] _transposed;
    private readonly int[] _slotOf;
    private int[] _touched = new int[256];
    private float[] _touchedGradients = [];
    private readonly float[] _output;

    private ReluStackStep(TrainingSettings settings, CpuAdam adam, int[] weightIndex, int[] biasIndex, Generator? dropoutRandom)
    {
        (_settings, _adam, _weightIndex, _biasIndex, _dropoutRandom) = (settings, adam, weightIndex, biasIndex, dropoutRandom);
        _sizes = [.. settings.Network.HiddenSizes, 1];
        var batch = settings.BatchSize;
        var layers = _sizes.Length;
        _activations = [.. _sizes.Select(size => new float[batch * size])];
        _relu = [.. _sizes.Select(size => new float[batch * size])];
        _masks = [.. _sizes.Select(size => settings.Network.Dropout > 0 ? new float[batch * size] : [])];
        _gradients = [.. _sizes.Select(size => new float[batch * size])];
        _weightGradients = [.. Enumerable.Range(0, layers).Select(l => l == 0 ? [] : new float[_sizes[l] * _sizes[l - 1]])];
        _biasGradients = [.. _sizes.Select(size => new float[size])];
        _transposed = [.. Enumerable.Range(0, layers).Select(l => l == 0 ? [] : new float[_sizes[l] * _sizes[l - 1]])];
        _slotOf = new int[settings.Network.InputSize];
        Array.Fill(_slotOf, -1);
        _output = new float[batch];
    }

    /// <summary>Sparse input, no residual blocks, Adam or AdamW on the CPU.</summary>
    public static bool Supports(TrainingSettings settings, Device device) =>
        device.type == DeviceType.CPU && !settings.Network.Residual && !settings.Network.Dense
        && settings.Optimizer is OptimizerKind.Adam or OptimizerKind.AdamW;

    /// <summary>The fast step for <paramref name="network"/>, or null where <see cref="CpuAdam"/> cannot step its optimizer.</summary>
    public static ReluStackStep? Create(TrainingSettings settings, PriceNetwork network, optim.Optimizer optimizer, Generator? dropoutRandom)
    {
        var named = network.named_parameters().ToList();
        var adam = CpuAdam.Over(optimizer, [.. named.Select(p => p.parameter)]);
        if (adam is null) return null;
        var layers = settings.Network.HiddenSizes.Count;
        int IndexOf(string name) => named.FindIndex(p => p.name == name) is var i and >= 0 ? i : throw new InvalidOperationException($"The network has no parameter {name}.");
        int[] weights = [IndexOf("input.bag.weight"), .. Enumerable.Range(0, layers).Select(l => IndexOf($"layers.{l}.weight"))];
        int[] biases = [IndexOf("input.bias"), .. Enumerable.Range(0, layers).Select(l => IndexOf($"layers.{l}.bias"))];
        return new ReluStackStep(settings, adam, weights, biases, dropoutRandom);
    }

    /// <summary>Trains on one batch and gives its mean loss before the update.</summary>
    public float Step(SparseMatrix features, ReadOnlySpan<int> rows, ReadOnlySpan<float> targets)
    {
        var batch = rows.Length;
        Forward(features, rows, batch);
        var loss = LossGradient(targets, batch);
        Backward(features, rows, batch);
        Optimize();
        return loss;
    }

    /// <summary>Layer 0 is the sparse layer (features x width); then each Linear (out x in).</summary>
    private Span<float> Weight(int layer) => CpuAdam.Floats(_adam.Parameters[_weightIndex[layer]]);

    private Span<float> Bias(int layer) => CpuAdam.Floats(_adam.Parameters[_biasIndex[layer]]);

    // A seed run is some 250 steps, over before tiered compilation would reach the hot methods: they are compiled optimised at once.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Forward(SparseMatrix features, ReadOnlySpan<int> rows, int batch)
    {
        var width = _sizes[0];
        var embedding = Weight(0);
        var bias = Bias(0);
        var first = _relu[0].AsSpan(0, batch * width);
        for (var b = 0; b < batch; b++)
        {
            var sum = first.Slice(b * width, width);
            bias.CopyTo(sum);
            for (var k = features.RowStarts[rows[b]]; k < features.RowStarts[rows[b] + 1]; k++)
                DenseKernel.AddScaled(embedding.Slice(features.Indices[k] * width, width), features.Values[k], sum);
        }
        Activate(0, batch);
        for (var layer = 1; layer < _sizes.Length; layer++)
        {
            var (inputs, outputs) = (_sizes[layer - 1], _sizes[layer]);
            var weight = Weight(layer);
            var transposed = _transposed[layer];
            for (var o = 0; o < outputs; o++)
                for (var i = 0; i < inputs; i++) transposed[i * outputs + o] = weight[o * inputs + i];
            var z = layer == _sizes.Length - 1 ? _output.AsSpan(0, batch) : _relu[layer].AsSpan(0, batch * outputs);
            var layerBias = Bias(layer);
            for (var b = 0; b < batch; b++) layerBias.CopyTo(z.Slice(b * outputs, outputs));
            DenseKernel.MultiplyAdd(z, _activations[layer - 1], inputs, 1, transposed, batch, inputs, outputs);
            if (layer < _sizes.Length - 1) Activate(layer, batch);
        }
    }

    /// <summary>ReLU in place, then dropout as SeededDropout does it: the mask drawn by torch, (x · mask) / (1 - p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Activate(int layer, int batch)
    {
        var count = batch * _sizes[layer];
        var relu = _relu[layer].AsSpan(0, count);
        TensorPrimitives.Max(relu, 0f, relu);
        var activation = _activations[layer].AsSpan(0, count);
        if (_masks[layer].Length == 0)
        {
            relu.CopyTo(activation);
            return;
        }
        var mask = _masks[layer].AsSpan(0, count);
        using (var drawn = empty(batch, _sizes[layer]).bernoulli_(1 - _settings.Network.Dropout, _dropoutRandom)) CpuAdam.Floats(drawn).CopyTo(mask);
        TensorPrimitives.Multiply(relu, mask, activation);
        TensorPrimitives.Divide(activation, (float)(1 - _settings.Network.Dropout), activation);
    }

    /// <summary>The mean loss, and its gradient by each output into the last layer's gradient buffer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal float LossGradient(ReadOnlySpan<float> targets, int batch)
    {
        var gradient = _gradients[^1].AsSpan(0, batch);
        var sum = 0.0;
        var delta = (float)_settings.HuberDelta;
        for (var b = 0; b < batch; b++)
        {
            var difference = _output[b] - targets[b];
            var absolute = Math.Abs(difference);
            switch (_settings.Loss)
            {
                case LossKind.L1:
                    sum += absolute;
                    gradient[b] = MathF.Sign(difference) / (float)batch;
                    break;
                case LossKind.Huber:
                    sum += absolute < delta ? 0.5 * difference * difference : delta * (absolute - 0.5 * delta);
                    gradient[b] = (absolute <= delta ? difference : delta * MathF.Sign(difference)) / batch;
                    break;
                default:
                    sum += (double)difference * difference;
                    gradient[b] = 2 * difference / batch;
                    break;
            }
        }
        return (float)(sum / batch);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Backward(SparseMatrix features, ReadOnlySpan<int> rows, int batch)
    {
        for (var layer = _sizes.Length - 1; layer >= 1; layer--)
        {
            var (inputs, outputs) = (_sizes[layer - 1], _sizes[layer]);
            var upstream = _gradients[layer].AsSpan(0, batch * outputs);
            var weightGradient = _weightGradients[layer].AsSpan();
            weightGradient.Clear();
            DenseKernel.MultiplyAdd(weightGradient, upstream, 1, outputs, _activations[layer - 1], outputs, batch, inputs);
            ColumnSums(upstream, batch, outputs, _biasGradients[layer]);
            var downstream = _gradients[layer - 1].AsSpan(0, batch * inputs);
            downstream.Clear();
            DenseKernel.MultiplyAdd(downstream, upstream, outputs, 1, Weight(layer), batch, outputs, inputs);
            Deactivate(layer - 1, batch);
        }
        var width = _sizes[0];
        var firstGradient = _gradients[0].AsSpan(0, batch * width);
        ColumnSums(firstGradient, batch, width, _biasGradients[0]);
        GatherTouchedRows(features, rows, width);
        for (var b = 0; b < batch; b++)
        {
            var upstream = firstGradient.Slice(b * width, width);
            for (var k = features.RowStarts[rows[b]]; k < features.RowStarts[rows[b] + 1]; k++)
            {
                var slot = _touchedGradients.AsSpan(_slotOf[features.Indices[k]] * width, width);
                DenseKernel.AddScaled(upstream, features.Values[k], slot);
            }
        }
    }

    /// <summary>Back through dropout, (g / (1 - p)) · mask, and ReLU, g where the output was above 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Deactivate(int layer, int batch)
    {
        var count = batch * _sizes[layer];
        var gradient = _gradients[layer].AsSpan(0, count);
        if (_masks[layer].Length > 0)
        {
            TensorPrimitives.Divide(gradient, (float)(1 - _settings.Network.Dropout), gradient);
            TensorPrimitives.Multiply(gradient, _masks[layer].AsSpan(0, count), gradient);
        }
        var relu = _relu[layer].AsSpan(0, count);
        var i = 0;
        for (; i <= count - Vector<float>.Count; i += Vector<float>.Count)
        {
            var passed = Vector.GreaterThan(new Vector<float>(relu[i..]), Vector<float>.Zero);
            Vector.ConditionalSelect(passed, new Vector<float>(gradient[i..]), Vector<float>.Zero).CopyTo(gradient[i..]);
        }
        for (; i < count; i++)
            if (relu[i] <= 0) gradient[i] = 0;
    }

    /// <summary>
    /// Gives each feature the batch touches a slot, in ascending feature order, with a zeroed gradient row. A scan
    /// of the marks over all features is cheaper than sorting the batch's few thousand indices.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void GatherTouchedRows(SparseMatrix features, ReadOnlySpan<int> rows, int width)
    {
        foreach (var row in rows)
            for (var k = features.RowStarts[row]; k < features.RowStarts[row + 1]; k++) _slotOf[features.Indices[k]] = 0;
        var count = 0;
        for (var feature = 0; feature < _slotOf.Length; feature++)
        {
            if (_slotOf[feature] < 0) continue;
            if (count == _touched.Length) Array.Resize(ref _touched, count * 2);
            _slotOf[feature] = count;
            _touched[count++] = feature;
        }
        if (_touchedGradients.Length < count * width) _touchedGradients = new float[_touched.Length * width];
        _touchedGradients.AsSpan(0, count * width).Clear();
        TouchedCount = count;
    }

    private int TouchedCount { get; set; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Optimize()
    {
        var scale = ClipScale();
        var width = _sizes[0];
        _adam.UpdateRows(_weightIndex[0], width, _touched, TouchedCount, _touchedGradients, _adam.Begin(_weightIndex[0], scale));
        for (var layer = 0; layer < _sizes.Length; layer++)
        {
            if (layer > 0) _adam.Update(_weightIndex[layer], _weightGradients[layer], _adam.Begin(_weightIndex[layer], scale));
            _adam.Update(_biasIndex[layer], _biasGradients[layer], _adam.Begin(_biasIndex[layer], scale));
        }
        for (var t = 0; t < TouchedCount; t++) _slotOf[_touched[t]] = -1;
    }

    /// <summary>clip_grad_norm_'s factor: max / (norm + 1e-6) where the gradients' whole norm is above the max, else 1.</summary>
    private float ClipScale()
    {
        if (_settings.GradientClip is not { } clip) return 1f;
        var squares = Square(TensorPrimitives.Norm(_touchedGradients.AsSpan(0, TouchedCount * _sizes[0])));
        foreach (var gradient in _weightGradients.Concat(_biasGradients)) squares += Square(TensorPrimitives.Norm(gradient));
        var factor = clip / (Math.Sqrt(squares) + 1e-6);
        return factor < 1 ? (float)factor : 1f;
    }

    private static double Square(float norm) => (double)norm * norm;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ColumnSums(ReadOnlySpan<float> matrix, int rows, int columns, Span<float> sums)
    {
        sums.Clear();
        for (var r = 0; r < rows; r++) TensorPrimitives.Add(sums, matrix.Slice(r * columns, columns), sums);
    }
}
