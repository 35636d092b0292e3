namespace MusicClustering.Experiments;

/// <summary>Turns text labels into class ids for the label metrics; null when any track is unlabelled.</summary>
public static class TruthLabels
{
    public static int[]? Encode(IReadOnlyList<string?> labels)
    {
        if (labels.Count == 0 || labels.Any(l => l is null))
        {
            return null;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return labels.Select(l => ids.TryGetValue(l!, out var id) ? id : ids[l!] = ids.Count).ToArray();
    }
}
