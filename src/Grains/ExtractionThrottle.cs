namespace MusicClustering.Grains;

/// <summary>
/// Runs CPU-heavy feature work on the thread pool, off the grain scheduler, with at most
/// <see cref="ComputeSettings.MaxConcurrentExtractions"/> jobs at once per silo so a fan-out of
/// thousands of tracks queues instead of oversubscribing the cores.
/// </summary>
public sealed class ExtractionThrottle(ComputeSettings settings)
{
    private readonly SemaphoreSlim _slots = new(settings.MaxConcurrentExtractions, settings.MaxConcurrentExtractions);

    public async Task<T> RunAsync<T>(Func<T> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
