using System.Collections.Concurrent;
using Pricer.Core.Items.Import;

namespace PricerWeb.Tests.HuggingFace;

/// <summary>Keeps every report, in order, on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
public sealed class RecordingProgress : IProgress<ImportProgress>
{
    public ConcurrentQueue<ImportProgress> Reports { get; } = new();

    public void Report(ImportProgress value) => Reports.Enqueue(value);
}
