using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// For an experiment with patch models: asks one log-mel grain per extracted track (spread over the silos, cached by
/// audio hash) for its log-mel and writes the patch manifest the trainers read, in the experiment's row order. A track
/// whose log-mel fails (its audio changed or went corrupt since its features were cached) fails alone, like a bad
/// track in extraction.
/// </summary>
internal sealed class LogMelStage(IGrainFactory grains, ArtifactStore store, ExperimentBlobs blobs)
{
    private const int MaxTracksInFlight = 64;

    public async Task<LogMelOutcome> PrepareAsync(string dataset, ExtractionOutcome extraction, Action<int> onCompleted, CancellationToken cancellationToken)
    {
        var tracks = extraction.Succeeded.Select(t => t.Track).ToList();
        var results = await BoundedFanOut.RunAsync(
            tracks,
            MaxTracksInFlight,
            track => GrainCallRetry.RunAsync(() => grains.GetGrain<ITrackLogMelGrain>($"{dataset}/{track.Id}")
                .ComputeLogMelAsync(new TrackExtractionRequest(track.Audio, track.Sha256, track.File, LogMelBlobs.CacheKey, track.InPlace)), cancellationToken),
            onCompleted,
            cancellationToken);

        var failures = tracks.Zip(results)
            .Where(p => p.Second.LogMel is null)
            .ToDictionary(p => p.First.Id, p => (p.Second.FailureReason ?? "logmel_failed", $"log-mel: {p.Second.FailureMessage}"), StringComparer.Ordinal);
        var manifest = new PatchManifest(TrackLogMel.Bands, [.. results.Where(r => r.LogMel is not null).Select(r => new PatchTrack(r.LogMel!, r.Frames, r.Floor))]);
        await store.WriteJsonAsync(blobs.PatchManifest, manifest, cancellationToken);
        return new LogMelOutcome(blobs.PatchManifest, extraction.WithLaterFailures(failures));
    }
}
