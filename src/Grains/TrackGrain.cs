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
/// so identical audio under an identical config is never computed twice, whichever silo asks. The audio is read as a
/// stream and analysed segment by segment, so a long recording costs one segment of memory.
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
        var segments = new BlobRef(BlobContainers.Features, BlobNames.FeatureSegments(config.CacheKey, request.AudioSha256));
        var coverageName = BlobNames.FeatureCoverage(config.CacheKey, request.AudioSha256);
        if (await store.TryReadJsonAsync<FeatureCoverage>(BlobContainers.Features, coverageName, cancellationToken) is { Value: var stored })
        {
            GrainTelemetry.FeatureCacheHit(siloName);
            return Success(trackId, target, segments, config.Dimension(), stored, cached: true, siloName);
        }

        GrainTelemetry.FeatureCacheMiss(siloName);
        var watch = Stopwatch.StartNew();
        TrackAnalysis analysis;
        try
        {
            await using var audio = await store.OpenReadAsync(request.Audio.Container, request.Audio.Name, cancellationToken);
            analysis = await throttle.RunAsync(() => TrackAnalyzer.Analyze(audio, request.FileName, config, cancellationToken), cancellationToken);
        }
        catch (AudioFormatException ex)
        {
            logger.LogWarning("Track {Track} failed: {Reason}: {Message}", trackId, ex.Reason, ex.Message);
            return Failure(trackId, siloName, ex.Reason, ex.Message);
        }

        var vectors = analysis.SegmentVectors;
        await store.WriteMatrixAsync(target.Container, target.Name, analysis.Vector, 1, analysis.Vector.Length, cancellationToken);
        await store.WriteMatrixAsync(segments.Container, segments.Name, [.. vectors.SelectMany(v => v)], vectors.Count, analysis.Vector.Length, cancellationToken);
        var coverage = new FeatureCoverage(analysis.AnalysedSeconds, analysis.DurationSeconds, analysis.Segments, analysis.Warning);
        await store.WriteJsonAsync(BlobContainers.Features, coverageName, coverage, cancellationToken);
        GrainTelemetry.TrackExtracted(siloName, watch.Elapsed);
        return Success(trackId, target, segments, analysis.Vector.Length, coverage, cached: false, siloName);
    }

    private static TrackFeatureResult Success(string trackId, BlobRef target, BlobRef segments, int dimension, FeatureCoverage coverage, bool cached, string silo) =>
        new(trackId, target, dimension, cached, silo, null, null, coverage.AnalysedSeconds, coverage.DurationSeconds, coverage.Segments, coverage.Warning, segments);

    private static TrackFeatureResult Failure(string trackId, string silo, string reason, string message)
    {
        GrainTelemetry.TrackFailed(silo, reason);
        return new(trackId, null, 0, Cached: false, silo, reason, message);
    }

    /// <summary>The blob written after a track's vectors: how much of it was analysed.</summary>
    private sealed record FeatureCoverage(double AnalysedSeconds, double DurationSeconds, int Segments, string? Warning);
}
