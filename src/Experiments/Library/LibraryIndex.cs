using MusicClustering.Contracts;

namespace MusicClustering.Experiments.Library;

/// <summary>
/// An experiment's tracks as a library (<c>experiments/{id}/library.json</c>): each clustered track with its original
/// path, tags and cluster, in the row order of <c>space.f32</c> (the primary representation's vectors); each cluster's
/// profile; and how a new file's feature vector is carried into that space (the scaler and the model), so that
/// <c>similar</c>, <c>assign</c> and <c>playlists</c> need no retraining.
/// </summary>
public sealed record LibraryIndex(
    string Experiment,
    string Dataset,
    string FeatureConfig,
    string Representation,
    string Fusion,
    string Algorithm,
    IReadOnlyList<string> Columns,
    BlockScaler Scaler,
    SpaceProjection Projection,
    IReadOnlyList<LibraryTrack> Tracks,
    IReadOnlyList<LibraryCluster> Clusters)
{
    public const int FormatVersion = 1;

    public int Version { get; init; } = FormatVersion;

    /// <summary>The row of a track named by its id, its original path, or its file name with or without extension.</summary>
    public int? Find(string track)
    {
        int? Match(Func<LibraryTrack, bool> predicate)
        {
            var rows = Tracks.Select((t, i) => (t, i)).Where(p => predicate(p.t)).Select(p => p.i).ToList();
            return rows.Count == 1 ? rows[0] : null;
        }

        return Match(t => t.Track == track)
            ?? Match(t => t.Path == track)
            ?? Match(t => Path.GetFileName(t.Path) == track)
            ?? Match(t => Path.GetFileNameWithoutExtension(t.Path) == track);
    }
}

/// <summary>One clustered track: id, path as ingested (relative to the library root), cluster, tags when read.</summary>
public sealed record LibraryTrack(string Track, string Path, int Cluster, TrackTags? Tags = null);

/// <summary>
/// A cluster's profile: size; its medoid (the member with the least total distance to the others, where the playlist
/// starts); the members nearest its centroid; the descriptors whose mean z-score over the members is largest in size.
/// </summary>
public sealed record LibraryCluster(
    int Cluster,
    int Size,
    string Medoid,
    IReadOnlyList<string> Representatives,
    IReadOnlyList<DistinctiveDescriptor> Distinctive,
    double[] Centroid);

/// <summary>A descriptor and the members' mean z-score on it (positive: higher than the library's mean).</summary>
public sealed record DistinctiveDescriptor(string Descriptor, double Z);

/// <summary>
/// From a block-standardised track vector to the primary space: <c>none</c> is the identity, <c>pca</c> projects on
/// the stored components, <c>vae</c>/<c>beta-vae</c> encode the raw vector with the stored model (its own scaler),
/// <c>conv-vae</c>/<c>contrastive</c> embed the file's log-mel with the stored encoder.
/// </summary>
public sealed record SpaceProjection(string Model, string? ModelBlob = null, double[]? PcaMean = null, double[][]? PcaComponents = null);
