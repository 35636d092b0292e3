using MusicClustering.Analysis;

namespace MusicClustering.Experiments.Library;

/// <summary>Each cluster's size, centroid, medoid, representative tracks and distinctive descriptors.</summary>
public static class ClusterProfiles
{
    public const int Representatives = 5;
    public const int DistinctiveCount = 3;

    // Above this many members the medoid is the member nearest the centroid: the exact one costs size² distances.
    private const int ExactMedoidMaxMembers = 2000;

    /// <param name="space">The primary space, one row per track.</param>
    /// <param name="zScores">Each track's plain z-scores of its feature vector (columns named by <paramref name="columns"/>).</param>
    public static IReadOnlyList<LibraryCluster> Build(
        IReadOnlyList<string> trackIds, IReadOnlyList<int> clusters, double[][] space, double[][] zScores, IReadOnlyList<string> columns)
    {
        var profiles = new List<LibraryCluster>();
        foreach (var group in Enumerable.Range(0, trackIds.Count).GroupBy(i => clusters[i]).OrderBy(g => g.Key))
        {
            var members = group.ToArray();
            var centroid = Mean(members.Select(i => space[i]).ToArray());
            var byCentroid = members.OrderBy(i => Distances.Euclidean(space[i], centroid)).ThenBy(i => i).ToArray();
            var medoid = members.Length <= ExactMedoidMaxMembers
                ? members.OrderBy(i => members.Sum(j => Distances.Euclidean(space[i], space[j]))).ThenBy(i => i).First()
                : byCentroid[0];
            var meanZ = Mean(members.Select(i => zScores[i]).ToArray());
            var distinctive = Enumerable.Range(0, meanZ.Length)
                .OrderByDescending(j => Math.Abs(meanZ[j])).ThenBy(j => j)
                .Take(DistinctiveCount)
                .Select(j => new DistinctiveDescriptor(columns[j], Math.Round(meanZ[j], 3)))
                .ToList();
            profiles.Add(new LibraryCluster(
                group.Key, members.Length, trackIds[medoid], byCentroid.Take(Representatives).Select(i => trackIds[i]).ToList(), distinctive, centroid));
        }

        return profiles;
    }

    private static double[] Mean(double[][] rows)
    {
        var mean = new double[rows[0].Length];
        foreach (var row in rows)
        {
            for (var j = 0; j < mean.Length; j++)
            {
                mean[j] += row[j] / rows.Length;
            }
        }

        return mean;
    }
}
