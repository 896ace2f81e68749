namespace PricerWeb.Tests.Embeddings;

/// <summary>Progress observed on the reporting thread, in order.</summary>
internal sealed class Reports<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
