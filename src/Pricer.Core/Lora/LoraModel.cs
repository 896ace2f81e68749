using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Pricer.Core.Lora;

/// <summary>
/// Puts LoRA adapters over a frozen base model without changing its code: every targeted linear layer gets a
/// forward hook that adds the active adapter's update. Several adapters can sit over one base; one is active
/// at a time (<see cref="Use"/> picks one for a request), and any one can be merged into the base weights
/// and taken out again.
/// </summary>
public sealed class LoraModel : IDisposable
{
    private readonly Dictionary<string, nn.Module<Tensor, Tensor>> linears;
    private readonly Dictionary<string, Action> hookRemovers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoraAdapter> adapters = new(StringComparer.Ordinal);
    private readonly Lock requestLock = new();

    public LoraModel(nn.Module baseModel)
    {
        Base = baseModel;
        foreach (var parameter in baseModel.parameters()) parameter.requires_grad = false;
        linears = baseModel.named_modules()
            .Where(m => m.module is Linear or IFrozenLinear && m.name.Length > 0)
            .ToDictionary(m => m.name, m => (nn.Module<Tensor, Tensor>)m.module, StringComparer.Ordinal);
    }

    public nn.Module Base { get; }

    public string? ActiveAdapter { get; private set; }

    public IReadOnlyDictionary<string, LoraAdapter> Adapters => adapters;

    /// <summary>The module paths of every linear layer in the base (plain or <see cref="IFrozenLinear"/>), in tree order.</summary>
    public IReadOnlyCollection<string> LinearPaths => linears.Keys;

    /// <summary>Adds a fresh adapter over every linear layer the config targets and makes it active.</summary>
    public LoraAdapter AddAdapter(string name, LoraConfig config)
    {
        config.Validate();
        var targets = linears.Keys.Where(config.Targets).ToList();
        if (targets.Count == 0)
            throw new ArgumentException(
                $"No linear layer matches the targets ({DescribeTargets(config)}). Linear layers here end in: " +
                string.Join(", ", linears.Keys.Select(p => p[(p.LastIndexOf('.') + 1)..]).Distinct().Take(12)) + ".");
        return AddAdapter(name, config, targets);
    }

    internal LoraAdapter AddAdapter(string name, LoraConfig config, IReadOnlyCollection<string> targets)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An adapter needs a name.");
        if (adapters.ContainsKey(name)) throw new ArgumentException($"An adapter named '{name}' is already loaded.");
        var adapter = new LoraAdapter(name, config);
        foreach (var path in targets)
        {
            var linear = linears.TryGetValue(path, out var found)
                ? found
                : throw new ArgumentException($"The base model has no linear layer '{path}'.");
            var layer = linear switch
            {
                Linear plain => new LoraLayer(plain.weight!.shape[1], plain.weight.shape[0], config.Rank, config.Scaling, config.Dropout).to(plain.weight.device),
                IFrozenLinear frozen => new LoraLayer(frozen.InFeatures, frozen.OutFeatures, config.Rank, config.Scaling, config.Dropout).to(frozen.WeightDevice),
                _ => throw new InvalidOperationException($"'{path}' is not a linear layer."),
            };
            adapter.Add(path, layer);
            if (!hookRemovers.ContainsKey(path)) hookRemovers[path] = linear.register_forward_hook((module, input, output) => AddUpdate(path, module.training, input, output)).remove;
        }
        adapters[name] = adapter;
        ActiveAdapter = name;
        return adapter;
    }

    public void SetActive(string? name)
    {
        if (name != null && !adapters.ContainsKey(name)) throw new ArgumentException($"No adapter named '{name}' is loaded.");
        ActiveAdapter = name;
    }

    /// <summary>Runs <paramref name="work"/> with the named adapter (or the bare base for null) and restores the previous choice.</summary>
    public T Use<T>(string? adapterName, Func<T> work)
    {
        lock (requestLock)
        {
            var previous = ActiveAdapter;
            SetActive(adapterName);
            try
            {
                return work();
            }
            finally
            {
                ActiveAdapter = previous;
            }
        }
    }

    /// <summary>Adds the adapter's B·A·scaling into the base weights; the hook then leaves those layers alone.</summary>
    public void Merge(string name)
    {
        var adapter = Get(name);
        if (adapter.Merged) return;
        if (adapters.Values.Any(a => a.Merged)) throw new InvalidOperationException("Another adapter is merged already: unmerge it first.");
        ApplyDelta(adapter, sign: 1);
        adapter.Merged = true;
    }

    public void Unmerge(string name)
    {
        var adapter = Get(name);
        if (!adapter.Merged) return;
        ApplyDelta(adapter, sign: -1);
        adapter.Merged = false;
    }

    public void RemoveAdapter(string name)
    {
        var adapter = Get(name);
        Unmerge(name);
        adapters.Remove(name);
        if (ActiveAdapter == name) ActiveAdapter = null;
        adapter.Dispose();
    }

    public LoraAdapter Get(string name) =>
        adapters.TryGetValue(name, out var adapter) ? adapter : throw new ArgumentException($"No adapter named '{name}' is loaded.");

    public void Dispose()
    {
        foreach (var remove in hookRemovers.Values) remove();
        hookRemovers.Clear();
        foreach (var adapter in adapters.Values) adapter.Dispose();
        adapters.Clear();
    }

    private Tensor AddUpdate(string path, bool training, Tensor input, Tensor output)
    {
        if (ActiveAdapter is not { } active) return output;
        var adapter = adapters[active];
        if (adapter.Merged || !adapter.Layers.TryGetValue(path, out var layer)) return output;
        // The adapter trains in float32 over a base that may compute in bf16/fp16, as PEFT casts around lora_A.
        return input.dtype == layer.A.dtype
            ? output.add(layer.Update(input, training))
            : output.add(layer.Update(input.to(layer.A.dtype), training).to(output.dtype));
    }

    private void ApplyDelta(LoraAdapter adapter, int sign)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        foreach (var (path, layer) in adapter.Layers)
        {
            var delta = layer.DeltaWeight().mul(sign);
            switch (linears[path])
            {
                case IFrozenLinear frozen:
                    frozen.AddToWeight(delta);
                    break;
                case Linear plain:
                    plain.weight!.add_(delta.to(plain.weight.dtype));
                    break;
            }
        }
    }

    private static string DescribeTargets(LoraConfig config) =>
        config.TargetPattern is { } pattern ? $"pattern {pattern}" : string.Join(", ", config.TargetModules);
}
