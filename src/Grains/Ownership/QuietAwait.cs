using System.Runtime.CompilerServices;

namespace MusicClustering.Grains.Ownership;

internal static class QuietAwait
{
    /// <summary>
    /// Awaits the task on the grain's context without rethrowing its failure: for best-effort work during
    /// deactivation. Typed as <see cref="Task"/> on purpose, since SuppressThrowing is refused for Task&lt;T&gt;.
    /// </summary>
    public static ConfiguredTaskAwaitable Quietly(this Task task) =>
        task.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
}
