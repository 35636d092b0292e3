namespace MusicClustering.Experiments;

/// <summary>Bad tracks fail alone; the experiment fails only when too many of them do, and says why.</summary>
public static class FailureThreshold
{
    public static void Check(ExtractionOutcome extraction, int total, double maxFailedFraction)
    {
        var failed = extraction.Failed.Count;
        if (total == 0 || (double)failed / total <= maxFailedFraction)
        {
            return;
        }

        var reasons = extraction.Failed
            .GroupBy(f => f.Result.FailureReason ?? "unknown")
            .OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} × {g.Count()}");
        throw new InvalidOperationException(
            $"{failed} of {total} tracks failed ({string.Join(", ", reasons)}), more than the allowed {maxFailedFraction:P0}");
    }
}
