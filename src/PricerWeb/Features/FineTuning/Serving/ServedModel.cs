namespace PricerWeb.Features.FineTuning.Serving;

/// <summary>
/// One loaded base model with the adapters loaded over it so far. Not thread-safe: <see cref="ServedBase"/> lets one
/// request at a time in, because the adapter a forward pass uses is a field of the shared model, not of the request.
/// </summary>
internal interface IServedModel : IDisposable
{
    /// <summary>The price of <paramref name="text"/> with adapter <paramref name="name"/> (loaded from <paramref name="folder"/> the first time).</summary>
    AdapterPrice Price(string name, string folder, string text);

    IReadOnlyCollection<string> LoadedAdapters { get; }
}
