using System.Diagnostics;

namespace MusicClustering.Storage;

/// <summary>
/// A reachable Azurite blob service. When this instance started the process it owns it: disposing stops the
/// whole process tree (SIGTERM first so Azurite persists its metadata) and deletes a temporary data folder.
/// </summary>
public sealed class AzuriteInstance : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    // Azurite installs its SIGTERM handler a few event-loop turns after it starts listening (two file-system calls
    // later); a SIGTERM before then kills it without closing (exit 143, no "successfully closed"), which happened in 4
    // of 15 stops sent the moment the port answered. An instance stopped that soon waits out the rest of this first.
    private static readonly TimeSpan HandlerSettle = TimeSpan.FromMilliseconds(250);

    private readonly Process? _process;
    private readonly BoundedLog? _log;
    private readonly bool _deleteLocation;
    private int _disposed;
    private long _answeredAt;

    internal AzuriteInstance(int port, string? location, Process? process, BoundedLog? log, bool deleteLocation, bool https = false)
    {
        Port = port;
        UsesHttps = https;
        Location = location;
        _process = process;
        _log = log;
        _deleteLocation = deleteLocation;
    }

    /// <summary>The blob port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Whether the blob service speaks HTTPS.</summary>
    public bool UsesHttps { get; }

    /// <summary>The data folder of an owned process; null when the server was already running.</summary>
    public string? Location { get; }

    /// <summary>True when this call started a detached Azurite, which keeps running after this process (see <see cref="DetachedAzurite"/>).</summary>
    public bool StartedDetached { get; init; }

    /// <summary>True when this instance started the process and will stop it on dispose.</summary>
    public bool OwnsProcess => _process is not null;

    /// <summary>Shared-key connection string for the well-known devstoreaccount1 account.</summary>
    public string ConnectionString => AzuriteDefaults.ConnectionString(Port, UsesHttps);

    /// <summary>The last lines the owned process printed (for diagnostics).</summary>
    public string LogTail => _log?.Tail() ?? "(not owned)";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1 || _process is null)
        {
            return;
        }

        try
        {
            var sinceAnswered = _answeredAt == 0 ? TimeSpan.MaxValue : Stopwatch.GetElapsedTime(_answeredAt);
            if (sinceAnswered < HandlerSettle)
            {
                await Task.Delay(HandlerSettle - sinceAnswered);
            }

            await ProcessSignals.StopAsync(_process, StopGrace);
        }
        finally
        {
            OwnedProcesses.Remove(_process);
            _process.Dispose();
            if (_deleteLocation && Location is not null)
            {
                TryDeleteDirectory(Location);
            }
        }
    }

    /// <summary>Records that the owned process answered on its port (the start of <see cref="HandlerSettle"/>).</summary>
    internal void MarkAnswered() => _answeredAt = Stopwatch.GetTimestamp();

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
