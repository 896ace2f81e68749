using Microsoft.JSInterop;

namespace PricerWeb.Components.Charts;

/// <summary>
/// Loads plotly.js once per circuit, through Plotly.Blazor's own interop module, before any chart renders.
/// </summary>
/// <remarks>
/// Plotly.Blazor queues the drawing of charts rendered while plotly.js is still loading; if one of them is
/// removed before the script arrives, its queued drawing throws and every chart queued after it is never drawn.
/// Waiting for the script first means each chart draws at once, or not at all if it is already gone.
/// </remarks>
public sealed class PlotlyScript(IJSRuntime js)
{
    // The same module, script id and bundle that PlotlyChart asks for, so both share one loaded copy.
    private const string InteropModule = "./_content/Plotly.Blazor/plotly-interop-7.2.0.js";
    private const string ScriptElementId = "plotly-import";
    private const string Bundle = "./_content/Plotly.Blazor/plotly-3.7.0.min.js";

    private Task? _loading;

    public Task EnsureLoadedAsync()
    {
        if (_loading is null || _loading.IsFaulted || _loading.IsCanceled) _loading = LoadAsync();
        return _loading;
    }

    private async Task LoadAsync()
    {
        await using var interop = await js.InvokeAsync<IJSObjectReference>("import", InteropModule);
        await interop.InvokeVoidAsync("importScript", ScriptElementId, Bundle);
    }
}
