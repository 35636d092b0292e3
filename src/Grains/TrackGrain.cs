using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Storage;
using Orleans.Placement;

namespace MusicClustering.Grains;

/// <summary>
/// Extracts one track's feature vector. The cache is the blob store itself, keyed by feature config and audio hash,
/// so identical audio under an identical config is never computed twice, whichever silo asks.
/// </summary>
// Random placement spreads a fan-out evenly from the first call; load-based directors place locally until statistics arrive.
[RandomPlacement]
public sealed class TrackGrain(
    ArtifactStore store,
    ExtractionThrottle throttle,
    ILocalSiloDetails silo,
    ILogger<TrackGrain> logger) : Grain, ITrackGrain
{
    public async Task<TrackFeatureResult> ExtractAsync(TrackExtractionRequest request, CancellationToken cancellationToken)
    {
        // Everything a track grain produces lives in blob storage, so the activation is done once this call is: leaving
        // it to idle collection would keep one activation per track resident, and memory would grow with the corpus.
        DeactivateOnIdle();
        var trackId = this.GetPrimaryKeyString();
        var siloName = SiloIdentity.Describe(silo);
        FeatureConfig config;
        try
        {
            config = FeatureConfig.Parse(request.FeatureConfig);
        }
        catch (FormatException ex)
        {
            return Failure(trackId, siloName, "invalid_feature_config", ex.Message);
        }

        var target = new BlobRef(BlobContainers.Features, BlobNames.Features(config.CacheKey, request.AudioSha256));
        if (await store.ExistsAsync(target.Container, target.Name, cancellationToken))
        {
            GrainTelemetry.FeatureCacheHit(siloName);
            return new TrackFeatureResult(trackId, target, config.Dimension(), Cached: true, siloName, null, null);
        }

        GrainTelemetry.FeatureCacheMiss(siloName);
        var watch = Stopwatch.StartNew();
        var audio = await store.DownloadAsync(request.Audio.Container, request.Audio.Name, cancellationToken);
        float[] vector;
        try
        {
            vector = await throttle.RunAsync(() => TrackFeatureComputer.Compute(audio.ToMemory(), request.FileName, config), cancellationToken);
        }
        catch (AudioFormatException ex)
        {
            logger.LogWarning("Track {Track} failed: {Reason}: {Message}", trackId, ex.Reason, ex.Message);
            return Failure(trackId, siloName, ex.Reason, ex.Message);
        }

        await store.WriteMatrixAsync(target.Container, target.Name, vector, 1, vector.Length, cancellationToken);
        GrainTelemetry.TrackExtracted(siloName, watch.Elapsed);
        return new TrackFeatureResult(trackId, target, vector.Length, Cached: false, siloName, null, null);
    }

    private static TrackFeatureResult Failure(string trackId, string silo, string reason, string message)
    {
        GrainTelemetry.TrackFailed(silo, reason);
        return new(trackId, null, 0, Cached: false, silo, reason, message);
    }
}
