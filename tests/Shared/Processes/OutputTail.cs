namespace Pricer.Testing.Processes;

/// <summary>The last lines a child process wrote (bounded), for failure messages of browser tests and benches.</summary>
internal sealed class OutputTail
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
        lock (_lines) return string.Join('\n', _lines.Skip(Math.Max(0, _lines.Count - count)));
    }
}
