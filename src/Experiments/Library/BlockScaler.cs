using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Experiments.Library;

/// <summary>
/// The fitted form of <see cref="Analysis.Evaluation.FeatureSpace.Standardize(double[][], IReadOnlyList{int})"/>:
/// column means and scales, then one factor per column for its block's weight, so a track that was not in the fit
/// (<c>cluster assign</c>) is standardised exactly as the clustered ones were.
/// </summary>
public sealed record BlockScaler(double[] Mean, double[] Scale, double[] BlockFactor)
{
    public static BlockScaler Fit(double[][] x, IReadOnlyList<int>? blockLengths)
    {
        var scaler = new StandardScaler().Fit(x);
        var z = scaler.Transform(x);
        var cols = scaler.Mean.Length;
        var factor = blockLengths is { Count: > 1 } && blockLengths.Sum() == cols
            ? FeatureSpace.BlockFactors(z, blockLengths)
            : Enumerable.Repeat(1.0, cols).ToArray();
        return new BlockScaler(scaler.Mean, scaler.Scale, factor);
    }

    public double[] Transform(IReadOnlyList<double> row)
    {
        if (row.Count != Mean.Length)
        {
            throw new ArgumentException($"a vector of {row.Count} values; the experiment's have {Mean.Length}", nameof(row));
        }

        var result = new double[row.Count];
        for (var j = 0; j < result.Length; j++)
        {
            result[j] = (row[j] - Mean[j]) / Scale[j] * BlockFactor[j];
        }

        return result;
    }

    /// <summary>Plain z-scores (no block weight): how many standard deviations a value lies from the library's mean.</summary>
    public double ZScore(int column, double value) => (value - Mean[column]) / Scale[column];
}
