namespace MusicClustering.Analysis;

/// <summary>
/// Renames a new clustering's ids after an earlier one's, so that a track keeps its cluster id unless it really moved:
/// the clusters are matched by their overlap on the tracks both runs share (maximum total overlap, by
/// <see cref="Hungarian"/> on the contingency table, which may be rectangular when k changed). A new cluster matched to
/// nothing, or only to a cluster it shares no track with, gets a fresh id above every earlier one. Noise stays noise.
/// </summary>
public static class ClusterIdMapping
{
    /// <param name="labels">The new clustering's label of each track, in <paramref name="tracks"/>' order (noise = -1).</param>
    /// <param name="previous">The earlier run's cluster of each of its tracks, by track id.</param>
    /// <returns>Each new label's id in the earlier run's naming.</returns>
    public static IReadOnlyDictionary<int, int> Map(IReadOnlyList<string> tracks, IReadOnlyList<int> labels, IReadOnlyDictionary<string, int> previous)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(previous);
        if (tracks.Count != labels.Count)
        {
            throw new ArgumentException($"{tracks.Count} tracks but {labels.Count} labels", nameof(labels));
        }

        var newIds = labels.Where(l => l != MetricSuite.NoiseLabel).Distinct().Order().ToArray();
        var oldIds = previous.Values.Where(l => l != MetricSuite.NoiseLabel).Distinct().Order().ToArray();
        var overlap = Overlap(tracks, labels, previous, newIds, oldIds);
        var matched = newIds.Length == 0 || oldIds.Length == 0 ? Enumerable.Repeat(-1, newIds.Length).ToArray() : Hungarian.Solve(Negated(overlap));

        var mapping = new Dictionary<int, int> { [MetricSuite.NoiseLabel] = MetricSuite.NoiseLabel };
        var fresh = oldIds.Length == 0 ? 0 : oldIds[^1] + 1;
        for (var r = 0; r < newIds.Length; r++)
        {
            mapping[newIds[r]] = matched[r] >= 0 && overlap[r, matched[r]] > 0 ? oldIds[matched[r]] : fresh++;
        }

        return mapping;
    }

    private static double[,] Overlap(
        IReadOnlyList<string> tracks, IReadOnlyList<int> labels, IReadOnlyDictionary<string, int> previous, int[] newIds, int[] oldIds)
    {
        var overlap = new double[newIds.Length, oldIds.Length];
        for (var i = 0; i < tracks.Count; i++)
        {
            if (labels[i] == MetricSuite.NoiseLabel || !previous.TryGetValue(tracks[i], out var old) || old == MetricSuite.NoiseLabel)
            {
                continue;
            }

            overlap[Array.BinarySearch(newIds, labels[i]), Array.BinarySearch(oldIds, old)]++;
        }

        return overlap;
    }

    private static double[,] Negated(double[,] overlap)
    {
        var cost = new double[overlap.GetLength(0), overlap.GetLength(1)];
        for (var r = 0; r < cost.GetLength(0); r++)
        {
            for (var c = 0; c < cost.GetLength(1); c++)
            {
                cost[r, c] = -overlap[r, c];
            }
        }

        return cost;
    }
}
