using Microsoft.Extensions.Logging;

namespace PricerWeb.Tests.Features.Import;

/// <summary>Keeps the app's log messages so a test can wait for one and read what was said.</summary>
internal sealed class LogRecorder : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<string> _messages = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    public IReadOnlyList<string> Messages
    {
        get { lock (_lock) return _messages.ToList(); }
    }

    public async Task<string> WaitForAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_messages.FirstOrDefault(match) is { } already) return already;
            _waiters.Add((match, found));
        }
        return await found.Task.WaitAsync(ImportJobsWaiting.Timeout);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private void Add(string message)
    {
        lock (_lock)
        {
            _messages.Add(message);
            foreach (var waiter in _waiters.Where(w => w.Match(message)).ToList())
            {
                waiter.Found.TrySetResult(message);
                _waiters.Remove(waiter);
            }
        }
    }

    private sealed class Logger(LogRecorder recorder) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) recorder.Add(formatter(state, exception));
        }
    }
}
