namespace Pricer.Cli.Hosting;

/// <summary>Hands every report to each of several listeners, in order.</summary>
public sealed class CombinedProgress<T>(params IProgress<T>?[] listeners) : IProgress<T>
{
    public void Report(T value)
    {
        foreach (var listener in listeners) listener?.Report(value);
    }
}
