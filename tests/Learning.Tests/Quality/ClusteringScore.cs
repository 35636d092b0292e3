using MusicClustering.Analysis;

namespace MusicClustering.Learning.Tests;

/// <summary>Standardise, K-Means (k-means++, 10 restarts) with a seed, and score against labels that only score.</summary>
internal sealed record ClusteringScore(double Nmi, double Ari, double Accuracy)
{
    public static ClusteringScore Of(float[][] rows, int[] labels, int k, int seed)
    {
        var x = new StandardScaler().FitTransform([.. rows.Select(r => r.Select(v => (double)v).ToArray())]);
        var predicted = KMeans.Fit(x, new KMeansOptions { NClusters = k, Seed = seed }).Labels;
        return new ClusteringScore(
            ExternalMetrics.NormalizedMutualInformation(labels, predicted),
            ExternalMetrics.AdjustedRandIndex(labels, predicted),
            ExternalMetrics.HungarianAccuracy(labels, predicted));
    }

    public static float[][] Rows(float[] flat, int dimension) => [.. flat.Chunk(dimension)];

    /// <summary>"mean ± sd" of each metric over seeds (population sd).</summary>
    public static string Summary(IReadOnlyList<ClusteringScore> scores)
    {
        static string Format(IEnumerable<double> values)
        {
            var list = values.ToList();
            var mean = list.Average();
            var sd = Math.Sqrt(list.Average(v => (v - mean) * (v - mean)));
            return FormattableString.Invariant($"{mean:0.000} ± {sd:0.000}");
        }

        return $"{Format(scores.Select(s => s.Nmi))} | {Format(scores.Select(s => s.Ari))} | {Format(scores.Select(s => s.Accuracy))}";
    }
}
