namespace PricerWeb.Features.FineTuning.Serving;

/// <summary>
/// One base model's serving slot: the model is loaded on the first request and kept until it is unloaded, and one
/// request at a time uses it. Serialising per base is what keeps adapters apart: which adapter a forward pass adds is
/// the shared model's state (LoRA hooks read their model's active adapter), so two requests in one model at once
/// could each see the other's adapter. On CPU a second concurrent forward pass would gain little anyway: torch
/// already spreads one pass over the cores.
/// </summary>
internal sealed class ServedBase(FineTuningBase model, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IServedModel? _loaded;
    private long _lastUsedTicks = clock.GetTimestamp();

    public bool IsLoaded => Volatile.Read(ref _loaded) is not null;

    public TimeSpan IdleFor => clock.GetElapsedTime(Interlocked.Read(ref _lastUsedTicks));

    public IReadOnlyCollection<string> LoadedAdapters => _loaded?.LoadedAdapters.ToList() ?? [];

    public async Task<AdapterPrice> PriceAsync(string adapter, string folder, string text, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() =>
            {
                _loaded ??= model.IsLlama ? new ServedLlama(model) : new ServedMiniLm();
                return _loaded.Price(adapter, folder, text);
            }, cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _lastUsedTicks, clock.GetTimestamp());
            _gate.Release();
        }
    }

    /// <summary>Frees the model unless a request is using it; returns whether a loaded model was freed.</summary>
    public bool TryUnload()
    {
        if (!_gate.Wait(0)) return false;
        try
        {
            if (_loaded is null) return false;
            _loaded.Dispose();
            _loaded = null;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _gate.Wait();
        _loaded?.Dispose();
        _loaded = null;
        _gate.Release();
    }
}
