namespace PricerWeb.BrowserTests.Infrastructure;

/// <summary>Lines a child process wrote, kept (bounded) for failure messages.</summary>
internal sealed class AppOutput
{
    private const int MaxLines = 5_000;
    private readonly Queue<string> _lines = new();

    public void Add(string? line)
    {
        if (line is null) return;
        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > MaxLines) _lines.Dequeue();
        }
    }

    public string Tail(int count)
    {
        lock (_lines)
            return "--- PricerWeb output ---\n" + string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
    }
}
