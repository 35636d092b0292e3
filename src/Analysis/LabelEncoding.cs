namespace MusicClustering.Analysis;

/// <summary>Maps arbitrary integer labels (including -1) onto 0..m-1 in sorted order, like np.unique(return_inverse).</summary>
internal static class LabelEncoding
{
    public static (int[] Codes, int[] Classes) Encode(int[] labels)
    {
        int[] classes = labels.Distinct().Order().ToArray();
        var index = new Dictionary<int, int>(classes.Length);
        for (int i = 0; i < classes.Length; i++)
        {
            index[classes[i]] = i;
        }
        var codes = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++)
        {
            codes[i] = index[labels[i]];
        }
        return (codes, classes);
    }

    public static int[] Counts(int[] codes, int classes)
    {
        var counts = new int[classes];
        foreach (int c in codes)
        {
            counts[c]++;
        }
        return counts;
    }
}
