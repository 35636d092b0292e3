using System.Text.Json;
using Xunit.Abstractions;

namespace MusicClustering.Analysis.Tests;

public class KMeansTests(ITestOutputHelper output)
{
    private static readonly JsonElement Sklearn = ReferenceData.Json("random_cluster.json").GetProperty("kmeans");

    [Fact]
    public void From_sklearn_solution_keeps_the_same_partition_and_inertia()
    {
        double[][] x = ReferenceData.Standardized;
        int[] sklearnLabels = ReferenceData.ReadLabels("random_kmeans_assign.csv");
        double[][] start = CentroidsOf(x, sklearnLabels, 10);

        var result = KMeans.Fit(x, new KMeansOptions { NClusters = 10, InitialCenters = start });

        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(sklearnLabels, result.Labels), 12);
        Tolerance.Relative(Sklearn.GetProperty("inertia").GetDouble(), result.Inertia, 1e-9, what: "inertia");
        Assert.Equal(1, result.Iterations);
    }

    [Fact]
    public void Own_seeding_lands_within_one_percent_of_sklearn_inertia()
    {
        double[][] x = ReferenceData.Standardized;
        double sklearnInertia = Sklearn.GetProperty("inertia").GetDouble();

        var result = KMeans.Fit(x, new KMeansOptions { NClusters = 10, NInit = 10, Seed = 0 });

        output.WriteLine($"inertia {result.Inertia:R} (sklearn {sklearnInertia:R}), iterations {result.Iterations}");
        Assert.True(result.Inertia <= sklearnInertia * 1.01, $"inertia {result.Inertia} vs sklearn {sklearnInertia}");
        Assert.Equal(10, result.Labels.Distinct().Count());
        Assert.True(result.Iterations is >= 1 and <= 300);
        // The reported inertia must be the one of the returned labels and centers.
        double recomputed = x.Select((row, i) => row.Zip(result.Centers[result.Labels[i]], (a, b) => (a - b) * (a - b)).Sum()).Sum();
        Tolerance.Relative(recomputed, result.Inertia, 1e-9, what: "inertia consistency");
    }

    [Fact]
    public void Same_seed_gives_same_result()
    {
        double[][] x = ReferenceData.Standardized;
        var options = new KMeansOptions { NClusters = 5, NInit = 2, Seed = 42 };
        Assert.Equal(KMeans.Fit(x, options).Labels, KMeans.Fit(x, options).Labels);
    }

    [Fact]
    public void Separated_blobs_are_recovered_exactly()
    {
        var random = new Random(3);
        double[][] centers = [[0, 0], [10, 10], [-10, 10]];
        var x = new double[300][];
        var truth = new int[300];
        for (int i = 0; i < 300; i++)
        {
            truth[i] = i % 3;
            x[i] = [centers[i % 3][0] + random.NextDouble() - 0.5, centers[i % 3][1] + random.NextDouble() - 0.5];
        }
        var result = KMeans.Fit(x, new KMeansOptions { NClusters = 3, Seed = 1 });
        Assert.Equal(1.0, ExternalMetrics.AdjustedRandIndex(truth, result.Labels), 12);
    }

    internal static double[][] CentroidsOf(double[][] x, int[] labels, int k)
    {
        var sums = new double[k][];
        var counts = new int[k];
        for (int c = 0; c < k; c++)
        {
            sums[c] = new double[x[0].Length];
        }
        for (int i = 0; i < x.Length; i++)
        {
            counts[labels[i]]++;
            for (int j = 0; j < x[i].Length; j++)
            {
                sums[labels[i]][j] += x[i][j];
            }
        }
        return sums.Select((s, c) => s.Select(v => v / counts[c]).ToArray()).ToArray();
    }
}
