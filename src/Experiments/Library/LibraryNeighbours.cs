using MusicClustering.Analysis;
using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Experiments.Library;

/// <summary>Similar tracks and the placement of new ones, over an experiment's space.</summary>
public sealed class LibraryNeighbours(LibraryIndex index, double[][] space) : IDisposable
{
    private readonly INeighborIndex _neighbours = NeighborIndex.Build(space);

    /// <summary>The <paramref name="n"/> tracks nearest to track row <paramref name="row"/>, itself excluded.</summary>
    public IReadOnlyList<TrackNeighbour> Similar(int row, int n) => Named(_neighbours.QueryPoint(row, n));

    /// <summary>
    /// The artist filter of music-similarity evaluation: the <paramref name="n"/> nearest tracks not by the query's
    /// artist (its <c>artist</c> tag, compared ignoring case), and how many nearer tracks by that artist were passed over. A track
    /// without an artist tag excludes nothing.
    /// </summary>
    public (IReadOnlyList<TrackNeighbour> Neighbours, int Excluded) SimilarByOtherArtists(int row, int n)
    {
        if (ArtistOf(row) is not { } artist)
        {
            return (Similar(row, n), 0);
        }

        var sameArtist = Enumerable.Range(0, index.Tracks.Count).Where(i => i != row && SameArtist(i, artist)).ToHashSet();
        var kept = new List<Neighbor>();
        var excluded = 0;
        foreach (var found in _neighbours.QueryPoint(row, Math.Min(n + sameArtist.Count, index.Tracks.Count - 1)))
        {
            if (kept.Count == n)
            {
                break;
            }

            if (sameArtist.Contains(found.Index))
            {
                excluded++;
            }
            else
            {
                kept.Add(found);
            }
        }

        return (Named(kept), excluded);
    }

    /// <summary>
    /// A new vector's cluster, that of the nearest centroid (the K-Means rule; noise is no cluster), and its nearest tracks.
    /// </summary>
    public (int Cluster, IReadOnlyList<TrackNeighbour> Neighbours) Place(double[] vector, int n)
    {
        var cluster = index.Clusters.Where(c => c.Cluster >= 0)
            .MinBy(c => Distances.Euclidean(vector, c.Centroid))?.Cluster ?? -1;
        return (cluster, Named(_neighbours.Query(vector, n)));
    }

    public void Dispose() => _neighbours.Dispose();

    private string? ArtistOf(int row) => index.Tracks[row].Tags?.Artist is { Length: > 0 } artist ? artist.Trim() : null;

    private bool SameArtist(int row, string artist) => string.Equals(ArtistOf(row), artist, StringComparison.OrdinalIgnoreCase);

    private List<TrackNeighbour> Named(IEnumerable<Neighbor> found) =>
        found.Select(f => new TrackNeighbour(index.Tracks[f.Index].Track, Math.Round(f.Distance, 6), index.Tracks[f.Index].Path)).ToList();
}

/// <summary>One neighbour, as <c>similar</c> and <c>assign</c> print it.</summary>
public sealed record TrackNeighbour(string Track, double Distance, string Path);
