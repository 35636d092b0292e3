using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;

namespace MusicClustering.Experiments.Tests.Library;

/// <summary>Small deterministic feature tables and indexes for the library tests.</summary>
internal static class LibraryFixtures
{
    /// <summary><paramref name="groups"/> well separated groups of rows with columns on very different scales.</summary>
    public static double[][] Rows(int groups, int perGroup, int cols, int seed = 7)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, groups * perGroup)
            .Select(i => Enumerable.Range(0, cols).Select(j => ((i / perGroup) * 10.0 * (j + 1)) + (random.NextDouble() * (j + 1)) + (100 * j)).ToArray())
            .ToArray();
    }

    public static LibraryIndex Index(double[][] space, int[] clusters, SpaceProjection? projection = null, BlockScaler? scaler = null)
    {
        var ids = Enumerable.Range(0, space.Length).Select(i => $"t{i:D2}").ToList();
        var columns = Enumerable.Range(0, space[0].Length).Select(j => $"c{j}").ToList();
        var tracks = ids.Select((id, i) => new LibraryTrack(id, $"folder/{id}.mp3", clusters[i], i % 2 == 0 ? new TrackTags("Song " + id, "Artist", Genre: "Jazz") : null)).ToList();
        return new LibraryIndex(
            "exp", "data", "stats", "none", Fusions.Audio, "kmeans", columns,
            scaler ?? BlockScaler.Fit(space, null),
            projection ?? new SpaceProjection(RepresentationModels.None),
            tracks,
            ClusterProfiles.Build(ids, clusters, space, space, columns));
    }
}
