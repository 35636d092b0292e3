using Microsoft.Extensions.Logging;

namespace MusicClustering.Storage.Tests;

/// <summary>Counts warnings (the store logs one per retry) and keeps every message for leak checks.</summary>
internal sealed class CountingLogger<T> : ILogger<T>
{
    private int _warnings;

    public int Warnings => Volatile.Read(ref _warnings);

    public System.Collections.Concurrent.ConcurrentQueue<string> Messages { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        Messages.Enqueue(formatter(state, exception));
        if (logLevel == LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }
    }
}
