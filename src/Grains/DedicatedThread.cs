namespace MusicClustering.Grains;

/// <summary>
/// Runs long, blocking work (training) on its own thread, so neither the grain scheduler nor the thread pool is held.
/// </summary>
internal static class DedicatedThread
{
    public static Task<T> RunAsync<T>(string name, Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                completion.SetResult(work());
            }
            catch (Exception ex)
            {
                completion.SetException(ex);
            }
        })
        {
            IsBackground = true,
            Name = name,
        };
        thread.Start();
        return completion.Task;
    }
}
