using Xunit.Abstractions;

namespace MusicClustering.Analysis.Tests;

public class PcaTests(ITestOutputHelper output)
{
    [Fact]
    public void Explained_variance_ratio_matches_sklearn()
    {
        double[] expected = ReferenceData.Json("sklearn_reference.json").GetProperty("pca_10")
            .GetProperty("explained_variance_ratio").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var pca = new Pca(10).Fit(ReferenceData.Standardized);
        for (int i = 0; i < expected.Length; i++)
        {
            output.WriteLine($"{i}: {pca.ExplainedVarianceRatio[i]:R} vs {expected[i]:R} rel {Math.Abs(pca.ExplainedVarianceRatio[i] / expected[i] - 1):E2}");
        }
        for (int i = 0; i < expected.Length; i++)
        {
            Tolerance.Relative(expected[i], pca.ExplainedVarianceRatio[i], 1e-6, what: $"ratio {i}");
        }
    }

    [Fact]
    public void Components_AreOrthonormalAndProjectionsHaveTheirVariance()
    {
        var pca = new Pca(5);
        double[][] projected = pca.FitTransform(ReferenceData.Standardized);
        for (int a = 0; a < 5; a++)
        {
            for (int b = 0; b < 5; b++)
            {
                double dot = pca.Components[a].Zip(pca.Components[b], (p, q) => p * q).Sum();
                Assert.Equal(a == b ? 1.0 : 0.0, dot, 10);
            }
            double variance = projected.Sum(r => r[a] * r[a]) / (projected.Length - 1);
            Tolerance.Relative(pca.ExplainedVariance[a], variance, 1e-9, what: $"variance {a}");
        }
    }

    [Fact]
    public void Eigen_OfKnownMatrix()
    {
        var (values, vectors) = SymmetricEigen.Decompose(new double[,] { { 2, 1 }, { 1, 2 } });
        Assert.Equal(3.0, values[0], 12);
        Assert.Equal(1.0, values[1], 12);
        Assert.Equal(1.0, Math.Abs(vectors[0][0] + vectors[0][1]) / Math.Sqrt(2), 12);
    }
}
