using System.Diagnostics;
using MusicClustering.Analysis.Evaluation;
using Xunit.Abstractions;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class TruncatedSvdTests(ITestOutputHelper output)
{
    private static double[][] RandomMatrix(int rows, int cols, int seed, double density = 1.0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows)
            .Select(_ => Enumerable.Range(0, cols).Select(_ => random.NextDouble() < density ? random.NextDouble() : 0).ToArray())
            .ToArray();
    }

    [Fact]
    public void Singular_values_match_eigenvalues_of_gram()
    {
        // width = k + oversamples covers every column, so the randomized answer must be exact.
        double[][] x = RandomMatrix(40, 12, 1, density: 0.6);
        var gram = new double[12, 12];
        for (int a = 0; a < 12; a++)
        {
            for (int b = 0; b < 12; b++)
            {
                gram[a, b] = x.Sum(r => r[a] * r[b]);
            }
        }
        var (values, vectors) = SymmetricEigen.Decompose(gram);
        var svd = new TruncatedSvd(4, seed: 3);
        double[][] transformed = svd.FitTransform(x);
        for (int c = 0; c < 4; c++)
        {
            Tolerance.Relative(Math.Sqrt(values[c]), svd.SingularValues[c], 1e-6, what: $"sigma {c}");
            // X·v equals U·Σ up to the sign of v.
            double sign = Math.Sign(SubspaceMath.Dot(vectors[c], svd.Components[c]));
            for (int i = 0; i < x.Length; i++)
            {
                double expected = sign * SubspaceMath.Dot(x[i], vectors[c]);
                Assert.True(Math.Abs(expected - transformed[i][c]) <= 1e-6 * svd.SingularValues[0], $"row {i} comp {c}");
            }
            double largest = svd.Components[c].MaxBy(Math.Abs);
            Assert.True(largest > 0, "largest loading must be positive");
        }
    }

    [Fact]
    public void Low_rank_signal_is_recovered_and_ratios_are_sane()
    {
        var random = new Random(5);
        double[][] left = RandomMatrix(200, 3, 7);
        double[][] right = RandomMatrix(3, 80, 8);
        double[][] x = left.Select(l => Enumerable.Range(0, 80)
            .Select(j => l[0] * right[0][j] * 10 + l[1] * right[1][j] * 5 + l[2] * right[2][j] + 1e-3 * random.NextDouble()).ToArray())
            .ToArray();
        var svd = new TruncatedSvd(3, seed: 0);
        double[][] transformed = svd.FitTransform(x);
        double[][] again = svd.Transform(x);
        for (int i = 0; i < x.Length; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(transformed[i][c], again[i][c], 6);
            }
        }
        Assert.All(svd.ExplainedVarianceRatio, r => Assert.InRange(r, 0, 1));
        Assert.True(svd.ExplainedVarianceRatio.Sum() > 0.99, $"sum {svd.ExplainedVarianceRatio.Sum()}");
    }

    [Fact]
    public void Same_seed_same_result()
    {
        double[][] x = RandomMatrix(30, 50, 2, density: 0.3);
        double[][] a = new TruncatedSvd(5, 11).FitTransform(x);
        double[][] b = new TruncatedSvd(5, 11).FitTransform(x);
        Assert.Equal(a.SelectMany(r => r), b.SelectMany(r => r));
    }

    [Fact]
    public void Too_many_components_throws()
    {
        Assert.Throws<ArgumentException>(() => new TruncatedSvd(6).FitTransform(RandomMatrix(5, 20, 1)));
    }

    [Fact]
    public void Sparse_thousand_by_five_thousand_runs()
    {
        var random = new Random(9);
        int rows = 1000;
        int cols = 5000;
        var pointers = new int[rows + 1];
        var indices = new List<int>();
        var values = new List<double>();
        for (int r = 0; r < rows; r++)
        {
            foreach (int j in Enumerable.Range(0, 60).Select(_ => random.Next(cols)).Distinct().Order())
            {
                indices.Add(j);
                values.Add(random.NextDouble());
            }
            pointers[r + 1] = indices.Count;
        }
        var x = new SparseMatrix(rows, cols, pointers, indices.ToArray(), values.ToArray());
        new TruncatedSvd(16).FitTransform(x); // warm-up (JIT)
        var watch = Stopwatch.StartNew();
        double[][] transformed = new TruncatedSvd(16).FitTransform(x);
        watch.Stop();
        output.WriteLine($"{watch.Elapsed.TotalMilliseconds:F0} ms");
        // The time is reported, not asserted: speed lives in benchmarks, and this machine is shared.
        Assert.Equal(16, transformed[0].Length);
        Assert.Equal(rows, transformed.Length);
    }
}
