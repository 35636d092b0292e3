using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Grains.Features;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Asks one track grain per track for its features, with a bound on calls in flight, and assembles the vectors the
/// replies carry into one matrix blob. The feature cache is read once first, so a track not in it is extracted
/// without a probe and a track in it is answered from the coverage the request carries. No blob is read per track (only a vector too large for a reply, which no
/// config produces, is read from its blob). Runs on the experiment grain's scheduler: it only awaits grain calls and
/// blob I/O.
/// </summary>
internal sealed class FeatureStage(IGrainFactory grains, ArtifactStore store, ExperimentBlobs blobs)
{
    // Enough that the tracks waiting on their silo's shard batch (FeatureShardWriter.Due) never starve the extractors.
    private const int MaxTracksInFlight = 256;

    public async Task<ExtractionOutcome> ExtractAsync(
        DatasetManifest manifest, string featureConfig, OnnxSpec? onnx, Action<int> onCompleted, CancellationToken cancellationToken)
    {
        var cached = await CachedAudioAsync(featureConfig, cancellationToken);
        var results = await BoundedFanOut.RunAsync(
            manifest.Tracks,
            MaxTracksInFlight,
            track => GrainCallRetry.RunAsync(() => grains.GetGrain<ITrackGrain>($"{manifest.Dataset}/{track.Id}")
                .ExtractAsync(new TrackExtractionRequest(
                    track.Audio, track.Sha256, track.File, featureConfig, track.InPlace,
                    Uncached: cached is not null && !cached.Contains(track.Sha256), Onnx: onnx, Cached: cached?.Coverage(track.Sha256))),
                cancellationToken),
            onCompleted,
            cancellationToken);
        return ExtractionOutcome.From(manifest.Tracks, results);
    }

    /// <summary>
    /// The config's feature cache, read whole first (a listing and one read per shard) instead of one probe per track;
    /// null when the config does not parse (each track grain then reports it).
    /// </summary>
    private async Task<CachedFeatures?> CachedAudioAsync(string featureConfig, CancellationToken cancellationToken)
    {
        string key;
        try
        {
            key = FeatureConfig.Parse(featureConfig).CacheKey;
        }
        catch (FormatException)
        {
            return null;
        }

        return await FeatureCoverageIndex.ListAsync(store, key, cancellationToken);
    }

    /// <summary>Writes the vectors of the extracted tracks to the experiment's matrix blob and returns them as rows.</summary>
    public async Task<double[][]> AssembleAsync(ExtractionOutcome extraction, CancellationToken cancellationToken)
    {
        var succeeded = extraction.Succeeded;
        var cols = succeeded[0].Result.Dimension;
        if (succeeded.Any(t => t.Result.Dimension != cols))
        {
            throw new InvalidOperationException("feature vectors differ in length; the feature config changed mid-run");
        }

        var data = new float[succeeded.Count * cols];
        var rows = new double[succeeded.Count][];
        for (var r = 0; r < succeeded.Count; r++)
        {
            var vector = succeeded[r].Result.Vector ?? (await store.ReadMatrixAsync(succeeded[r].Result.Features!, cancellationToken)).Data;
            vector.CopyTo(data, r * cols);
            rows[r] = Array.ConvertAll(vector, v => (double)v);
        }

        await store.WriteMatrixAsync(blobs.Matrix, data, succeeded.Count, cols, cancellationToken);
        return rows;
    }
}
