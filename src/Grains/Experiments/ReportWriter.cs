using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Experiments.Library;
using MusicClustering.Experiments.Report;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Writes an experiment's outputs into its folder (<see cref="ExperimentBlobs"/>): its own t-SNE plots,
/// <c>report.html</c> and, last, <c>results.json</c>, whose presence marks the run complete. Trainers write their
/// pictures into the folder themselves, so it stands alone.
/// </summary>
internal sealed class ReportWriter(ArtifactStore store, ExperimentBlobs blobs)
{
    /// <summary>How long the report's listening links work: a day, long enough to explore a run, short enough to leak little.</summary>
    public static readonly TimeSpan ListeningLifetime = TimeSpan.FromHours(24);

    public static IReadOnlyList<string> ArtifactNames(AnalysisOutput analysis) =>
    [
        ExperimentBlobs.ResultsFile,
        ExperimentBlobs.ReportFile,
        .. analysis.Images.Keys.Order(StringComparer.Ordinal),
        .. analysis.Representations
            .Where(r => r.Training?.LossCurve is not null)
            .SelectMany(r => new[] { ExperimentBlobs.LossCurveFile(r.Plan), ExperimentBlobs.TraversalFile(r.Plan) }),
    ];

    public async Task WriteAsync(
        ExperimentResults results, AnalysisOutput analysis, LibraryIndex library, IReadOnlyList<ManifestTrack> tracks, CancellationToken cancellationToken)
    {
        var report = new ReportLibrary(library, analysis.TsneEmbedding, ListeningUrls(library, tracks));

        // Independent blobs, written at once: the run is done only when all of them are, and each is a round trip.
        var uploads = analysis.Images
            .Select(image => store.UploadAsync(blobs.File(image.Key), BinaryData.FromBytes(image.Value), overwrite: true, cancellationToken))
            .Append(store.UploadAsync(blobs.Report, BinaryData.FromString(ExperimentReport.Render(results, report)), overwrite: true, cancellationToken))
            .Append(store.UploadAsync(blobs.Results, BinaryData.FromString(ResultsJson.Serialize(results)), overwrite: true, cancellationToken));
        await Task.WhenAll(uploads);
    }

    /// <summary>
    /// A read-only signed URL of each clustered track's audio blob; none for a track read in place, or when the store
    /// cannot sign (the page then plays the track's relative path).
    /// </summary>
    private Dictionary<string, string> ListeningUrls(LibraryIndex library, IReadOnlyList<ManifestTrack> tracks)
    {
        var clustered = library.Tracks.Select(t => t.Track).ToHashSet(StringComparer.Ordinal);
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var track in tracks.Where(t => clustered.Contains(t.Id)))
        {
            if (track.Audio is { } audio && store.ReadUrl(audio, ListeningLifetime) is { } url)
            {
                urls[track.Id] = url.AbsoluteUri;
            }
        }

        return urls;
    }
}
