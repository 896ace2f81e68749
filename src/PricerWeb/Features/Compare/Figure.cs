using Plotly.Blazor;

namespace PricerWeb.Features.Compare;

/// <summary>A chart ready for PlotlyChart: its traces, its layout, and the file name its PNG download gets.</summary>
public sealed record Figure(IList<ITrace> Data, Layout Layout, string FileName);
