namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// DBSCAN with no eps given. The k-distance knee comes first; when it yields a degenerate partition (fewer than two
/// clusters, or more than half the points as noise), eps is searched over quantiles of the same k-distance curve and
/// the candidate with the best silhouette on its non-noise points wins. No labels are used; the choice is recorded.
/// </summary>
public static class DbscanEpsSearch
{
    public const double MaxNoiseFraction = 0.5;

    private static readonly double[] Quantiles = [.. Enumerable.Range(1, 18).Select(i => i * 0.05)];

    public sealed record Choice(DbscanResult Result, string Rule, double? Quantile);

    public static Choice Fit(double[][] x, int minSamples)
    {
        var knee = Dbscan.Fit(x, new DbscanOptions { MinSamples = minSamples });
        if (Usable(knee, x.Length))
        {
            return new Choice(knee, "knee", null);
        }

        var curve = KDistance.SortedCurve(x, Math.Min(minSamples, x.Length));
        Choice? best = null;
        var bestScore = double.NegativeInfinity;
        foreach (var quantile in Quantiles)
        {
            var eps = curve[(int)Math.Round(quantile * (curve.Length - 1))];
            if (eps <= 0)
            {
                continue;
            }

            var candidate = Dbscan.Fit(x, new DbscanOptions { Eps = eps, MinSamples = minSamples });
            if (!Usable(candidate, x.Length))
            {
                continue;
            }

            var score = NonNoiseSilhouette(x, candidate.Labels);
            if (score > bestScore)
            {
                bestScore = score;
                best = new Choice(candidate with { EpsFromKnee = false }, "silhouette-scan", quantile);
            }
        }

        return best ?? new Choice(knee, "knee (no usable alternative)", null);
    }

    private static bool Usable(DbscanResult result, int n) => result.Clusters >= 2 && result.Noise <= MaxNoiseFraction * n;

    private static double NonNoiseSilhouette(double[][] x, int[] labels)
    {
        var kept = Enumerable.Range(0, labels.Length).Where(i => labels[i] != Dbscan.Noise).ToArray();
        var keptLabels = kept.Select(i => labels[i]).ToArray();
        return keptLabels.Distinct().Count() is var clusters && clusters >= 2 && clusters < kept.Length
            ? Sampling.SampledMetrics.Silhouette(kept.Select(i => x[i]).ToArray(), keptLabels)?.Value ?? double.NegativeInfinity
            : double.NegativeInfinity;
    }
}
