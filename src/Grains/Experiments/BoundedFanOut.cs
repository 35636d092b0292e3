namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Runs an async call per item with a bound on how many are in flight, staying on the caller's scheduler
/// (inside a grain, that keeps grain calls on the grain's own context).
/// </summary>
internal static class BoundedFanOut
{
    public static async Task<TResult[]> RunAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int maxInFlight, Func<TItem, Task<TResult>> call, Action<int>? onCompleted = null, CancellationToken cancellationToken = default)
    {
        var results = new TResult[items.Count];
        var inFlight = new Dictionary<Task<TResult>, int>();
        var next = 0;
        var completed = 0;
        while (next < items.Count || inFlight.Count > 0)
        {
            // Calls already in flight finish on their own; a cancelled run only stops starting new ones.
            cancellationToken.ThrowIfCancellationRequested();
            while (next < items.Count && inFlight.Count < maxInFlight)
            {
                inFlight.Add(call(items[next]), next);
                next++;
            }

            var finished = await Task.WhenAny(inFlight.Keys);
            results[inFlight[finished]] = await finished;
            inFlight.Remove(finished);
            onCompleted?.Invoke(++completed);
        }

        return results;
    }
}
