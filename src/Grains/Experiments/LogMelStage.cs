using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// For an experiment with patch models: asks one log-mel grain per extracted track (spread over the silos, cached by
/// audio hash) for its log-mel and writes the patch manifest the trainers read, in the experiment's row order.
/// </summary>
internal sealed class LogMelStage(IGrainFactory grains, ArtifactStore store, ExperimentBlobs blobs)
{
    private const int MaxTracksInFlight = 64;

    public async Task<BlobRef> PrepareAsync(string dataset, ExtractionOutcome extraction, Action<int> onCompleted, CancellationToken cancellationToken)
    {
        var tracks = extraction.Succeeded.Select(t => t.Track).ToList();
        var results = await BoundedFanOut.RunAsync(
            tracks,
            MaxTracksInFlight,
            track => GrainCallRetry.RunAsync(() => grains.GetGrain<ITrackLogMelGrain>($"{dataset}/{track.Id}")
                .ComputeLogMelAsync(new TrackExtractionRequest(track.Audio, track.Sha256, track.File, LogMelBlobs.CacheKey, track.InPlace)), cancellationToken),
            onCompleted,
            cancellationToken);

        // The features of these tracks were just computed from the same audio, so a failure here is not a bad track.
        if (results.FirstOrDefault(r => r.LogMel is null) is { } failed)
        {
            throw new InvalidOperationException($"the log-mel of track '{failed.TrackId}' could not be computed: {failed.FailureMessage}");
        }

        var manifest = new PatchManifest(TrackLogMel.Bands, [.. results.Select(r => new PatchTrack(r.LogMel!, r.Frames, r.Floor))]);
        await store.WriteJsonAsync(blobs.PatchManifest, manifest, cancellationToken);
        return blobs.PatchManifest;
    }
}
