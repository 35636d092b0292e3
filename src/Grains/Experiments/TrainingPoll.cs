using MusicClustering.Contracts;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// How long the training stage waits before asking its trainers again: a quarter second while many epochs remain,
/// down to a few milliseconds as the slowest trainer nears its end (estimated from its pace since the stage began),
/// so a finished run is seen at once instead of up to a whole interval late. A status call is an in-memory read.
/// </summary>
internal static class TrainingPoll
{
    public static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan Shortest = TimeSpan.FromMilliseconds(10);

    public static TimeSpan Next(IReadOnlyList<TrainingStatus> statuses, TimeSpan elapsed)
    {
        var remaining = TimeSpan.Zero;
        foreach (var status in statuses.Where(s => !s.LatentsReady))
        {
            var trained = status.Epoch - status.ResumedFromEpoch;
            if (trained <= 0)
            {
                // No pace yet (still starting).
                return Longest;
            }

            var left = elapsed * ((double)Math.Max(0, status.TotalEpochs - status.Epoch) / trained);
            remaining = left > remaining ? left : remaining;
        }

        return remaining < Shortest ? Shortest : remaining > Longest ? Longest : remaining;
    }
}
