using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;

namespace PricerWeb.Features.FineTuning.Serving;

/// <summary>
/// Prices texts with saved adapters, the seed's multi-user serving: one loaded model per base, kept here and loaded on
/// its first request, with every adapter asked for loaded over it, and each request choosing its adapter (by default
/// the one picked "for pricing" on the adapters page). Requests to one base take turns (see <see cref="ServedBase"/>);
/// different bases price side by side. A base unused for <see cref="FineTuningOptions.ServingIdleMinutes"/>, or every
/// idle base while the machine is short of memory, is unloaded and loads again when asked.
/// </summary>
public sealed class AdapterServer : IDisposable
{
    public const int MaxTextLength = 8_000;
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, ServedBase> _served = new(StringComparer.Ordinal);
    private readonly FineTuningBases _bases;
    private readonly AdapterCatalog _catalog;
    private readonly IOptionsMonitor<FineTuningOptions> _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<AdapterServer> _logger;
    private readonly ITimer _sweeper;

    public AdapterServer(FineTuningBases bases, AdapterCatalog catalog, IOptionsMonitor<FineTuningOptions> options, TimeProvider clock, ILogger<AdapterServer> logger)
    {
        _bases = bases;
        _catalog = catalog;
        _options = options;
        _clock = clock;
        _logger = logger;
        _sweeper = clock.CreateTimer(_ => UnloadIdle(), null, SweepInterval, SweepInterval);
    }

    /// <summary>The bases whose model is loaded now, each with the adapters loaded over it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Loaded =>
        _served.Where(s => s.Value.IsLoaded).ToDictionary(s => s.Key, s => s.Value.LoadedAdapters, StringComparer.Ordinal);

    /// <summary>Why <paramref name="text"/> cannot be priced (empty, too long, control characters, broken Unicode), or null.</summary>
    public static string? TextProblem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "Give a product text to price.";
        if (text.Length > MaxTextLength)
            return string.Create(CultureInfo.InvariantCulture, $"The text has {text.Length:N0} characters; at most {MaxTextLength:N0} are priced.");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"The text holds a control character (U+{(int)c:X4}); send plain text.";
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out _, out var used) != System.Buffers.OperationStatus.Done)
                return "The text is not valid Unicode (a lone surrogate).";
            i += used - 1;
        }
        return null;
    }

    /// <summary>Prices <paramref name="text"/> with <paramref name="adapter"/> over base <paramref name="baseKey"/>, or with the base's pricing adapter when null.</summary>
    /// <exception cref="ArgumentException">The text or the adapter name is not acceptable; the message says why.</exception>
    /// <exception cref="KeyNotFoundException">No such base or adapter, or no adapter was named and none is picked for pricing.</exception>
    /// <exception cref="InvalidOperationException">The base's folder cannot be used.</exception>
    /// <exception cref="Pricer.Core.Lora.LoraFormatException">The adapter's files cannot be read.</exception>
    /// <exception cref="Pricer.Core.Models.Llama.LlamaFormatException">The Llama folder cannot be read.</exception>
    public async Task<AdapterPrice> PriceAsync(string baseKey, string? adapter, string? text, CancellationToken cancellationToken)
    {
        if (TextProblem(text) is { } problem) throw new ArgumentException(problem);
        var model = _bases.Find(baseKey) ?? throw new KeyNotFoundException($"There is no base model '{baseKey}'.");
        if (model.Problem is { } unusable) throw new InvalidOperationException($"{model.Key} cannot be used: {unusable}");
        var name = string.IsNullOrWhiteSpace(adapter)
            ? _catalog.PricingAdapter(model.Key)
                ?? throw new KeyNotFoundException($"No adapter prices for {model.Key} yet: pick one with \"Use for pricing\" or name one.")
            : adapter.Trim();
        if (!AdapterCatalog.IsValidName(name)) throw new ArgumentException("An adapter name has only letters, digits, '.', '_' and '-', and no '..'.");
        var folder = _catalog.Folder(model.Key, name) ?? throw new KeyNotFoundException($"There is no adapter '{name}' for {model.Key}.");
        var served = _served.GetOrAdd(model.Key, _ => new ServedBase(model, _clock));
        return await served.PriceAsync(name, folder, text!, cancellationToken);
    }

    /// <summary>
    /// Unloads every base idle for longer than <paramref name="idle"/> (default: the configured idle time; when memory is
    /// short, every base not in use); returns how many were unloaded.
    /// </summary>
    public int UnloadIdle(TimeSpan? idle = null)
    {
        var minutes = _options.CurrentValue.ServingIdleMinutes;
        var memory = GC.GetGCMemoryInfo();
        var memoryShort = memory.HighMemoryLoadThresholdBytes > 0 && memory.MemoryLoadBytes >= memory.HighMemoryLoadThresholdBytes;
        var limit = idle ?? (memoryShort ? TimeSpan.Zero : minutes > 0 ? TimeSpan.FromMinutes(minutes) : TimeSpan.MaxValue);
        var unloaded = 0;
        foreach (var (key, served) in _served)
        {
            if (!served.IsLoaded || served.IdleFor < limit || !served.TryUnload()) continue;
            unloaded++;
            _logger.LogInformation("Unloaded served base {Base} ({Reason}).", key, memoryShort ? "memory is short" : "idle");
        }
        return unloaded;
    }

    public void Dispose()
    {
        _sweeper.Dispose();
        foreach (var served in _served.Values) served.Dispose();
        _served.Clear();
    }
}
