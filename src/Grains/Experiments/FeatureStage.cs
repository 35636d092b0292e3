using System.Collections.Concurrent;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Asks one track grain per track for its features, with a bound on calls in flight, then gathers the vectors into one
/// matrix blob. Runs on the experiment grain's scheduler: it only awaits grain calls and blob I/O.
/// </summary>
internal sealed class FeatureStage(IGrainFactory grains, ArtifactStore store, ExperimentBlobs blobs)
{
    private const int MaxTracksInFlight = 64;

    // Vectors read while extraction was still running, by track grain key: the read of one track's (small) feature blob
    // overlaps the extraction of the others instead of forming a second pass of round trips afterwards.
    private readonly ConcurrentDictionary<string, float[]> _prefetched = new();

    public async Task<ExtractionOutcome> ExtractAsync(
        DatasetManifest manifest, string featureConfig, Action<int> onCompleted, CancellationToken cancellationToken)
    {
        var results = await BoundedFanOut.RunAsync(
            manifest.Tracks,
            MaxTracksInFlight,
            async track =>
            {
                var result = await GrainCallRetry.RunAsync(() => grains.GetGrain<ITrackGrain>($"{manifest.Dataset}/{track.Id}")
                    .ExtractAsync(new TrackExtractionRequest(track.Audio, track.Sha256, track.File, featureConfig)), cancellationToken);
                if (result.Features is { } features)
                {
                    _prefetched[result.TrackId] = await ReadVectorAsync(features, cancellationToken);
                }

                return result;
            },
            onCompleted,
            cancellationToken);
        return ExtractionOutcome.From(manifest.Tracks, results);
    }

    /// <summary>Writes the vectors of the extracted tracks to the experiment's matrix blob and returns them as rows.</summary>
    public async Task<double[][]> AssembleAsync(ExtractionOutcome extraction, CancellationToken cancellationToken)
    {
        var vectors = await BoundedFanOut.RunAsync(
            extraction.Succeeded,
            MaxTracksInFlight,
            async t => _prefetched.TryGetValue(t.Result.TrackId, out var vector) ? vector : await ReadVectorAsync(t.Result.Features!, cancellationToken),
            cancellationToken: cancellationToken);
        _prefetched.Clear();
        var cols = vectors[0].Length;
        if (vectors.Any(v => v.Length != cols))
        {
            throw new InvalidOperationException("feature vectors differ in length; the feature config changed mid-run");
        }

        var data = new float[vectors.Length * cols];
        var rows = new double[vectors.Length][];
        for (var r = 0; r < vectors.Length; r++)
        {
            vectors[r].CopyTo(data, r * cols);
            rows[r] = Array.ConvertAll(vectors[r], v => (double)v);
        }

        await store.WriteMatrixAsync(blobs.Matrix, data, vectors.Length, cols, cancellationToken);
        return rows;
    }

    private async Task<float[]> ReadVectorAsync(BlobRef features, CancellationToken cancellationToken) =>
        (await store.ReadMatrixAsync(features, cancellationToken)).Data;
}
