using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Grains.Features;
using MusicClustering.Storage;
using Orleans.Placement;

namespace MusicClustering.Grains;

/// <summary>
/// Extracts one track's feature vector. The cache is the blob store itself, keyed by feature config and audio hash,
/// so identical audio under an identical config is never computed twice, whichever silo asks. The audio is read as a
/// stream and analysed segment by segment, so a long recording costs one segment of memory. The vector travels back in
/// the reply (the experiment never reads a blob per track); the per-segment rows go to the silo's shard blobs, written
/// many tracks at a time.
/// </summary>
// Random placement spreads a fan-out evenly from the first call; load-based directors place locally until statistics arrive.
[RandomPlacement]
public sealed class TrackGrain(
    ArtifactStore store,
    AudioSource audioSource,
    ExtractionThrottle throttle,
    FeatureShardWriter shards,
    OnnxEmbeddings onnx,
    ILocalSiloDetails silo,
    ILogger<TrackGrain> logger) : Grain, ITrackGrain
{
    public async Task<TrackFeatureResult> ExtractAsync(TrackExtractionRequest request, CancellationToken cancellationToken)
    {
        var features = await ExtractFeaturesAsync(request, cancellationToken);
        return request.Onnx is null || !features.Succeeded ? features : await EmbedAsync(features, request, cancellationToken);
    }

    /// <summary>The track's ONNX embedding joins its features in the reply; a track the model fails on fails alone.</summary>
    private async Task<TrackFeatureResult> EmbedAsync(TrackFeatureResult features, TrackExtractionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return features with { Embedding = await onnx.EmbedAsync(request, cancellationToken) };
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException or AudioFormatException or Microsoft.ML.OnnxRuntime.OnnxRuntimeException)
        {
            logger.LogWarning("Track {Track} failed: onnx_failed: {Message}", features.TrackId, ex.Message);
            return Failure(features.TrackId, features.Silo, "onnx_failed", ex.Message);
        }
    }

    private async Task<TrackFeatureResult> ExtractFeaturesAsync(TrackExtractionRequest request, CancellationToken cancellationToken)
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
        var stored = request.Cached ?? (request.Uncached ? null : await ReadPerTrackCoverageAsync(config, request.AudioSha256, cancellationToken));
        if (stored is not null && (stored.Vector ?? await TryReadVectorAsync(target, cancellationToken)) is { } cachedVector)
        {
            GrainTelemetry.FeatureCacheHit(siloName);
            return Success(trackId, target, cachedVector, stored, SegmentsOf(stored, config, request.AudioSha256), cached: true, siloName);
        }

        GrainTelemetry.FeatureCacheMiss(siloName);
        var watch = Stopwatch.StartNew();
        TrackAnalysis analysis;
        try
        {
            await using var audio = await audioSource.OpenReadAsync(request.Audio, request.InPlace, cancellationToken);
            analysis = await throttle.RunAsync(() => TrackAnalyzer.Analyze(audio, request.FileName, config, cancellationToken), cancellationToken);
        }
        catch (AudioFormatException ex)
        {
            logger.LogWarning("Track {Track} failed: {Reason}: {Message}", trackId, ex.Reason, ex.Message);
            return Failure(trackId, siloName, ex.Reason, ex.Message);
        }
        catch (LibraryPathException ex)
        {
            logger.LogWarning("Track {Track} failed: {Reason}: {Message}", trackId, ex.Reason, ex.Message);
            return Failure(trackId, siloName, ex.Reason, ex.Message);
        }

        // The coverage is the cache (it outlives the silo) and holds the vector itself when it fits in a reply, which
        // saves a blob round trip per track both ways; only a larger vector gets a blob of its own, written first. The
        // segment rows and the coverage join the silo's current shard, whose coverage blob, written after its rows,
        // is what makes the track cached: one write per shard, not per track.
        var inline = InlineVector(analysis.Vector);
        if (inline is null)
        {
            await store.WriteMatrixAsync(target.Container, target.Name, analysis.Vector, 1, analysis.Vector.Length, cancellationToken);
        }

        var coverage = await shards.AppendAsync(
            config.CacheKey,
            request.AudioSha256,
            new FeatureCoverage(analysis.AnalysedSeconds, analysis.DurationSeconds, analysis.Segments, analysis.Warning, Vector: inline),
            analysis.SegmentVectors,
            analysis.Vector.Length);
        GrainTelemetry.TrackExtracted(siloName, watch.Elapsed);
        return Success(trackId, target, analysis.Vector, coverage, SegmentsOf(coverage, config, request.AudioSha256), cached: false, siloName);
    }

    // A cache written before shards carried coverage: one JSON blob per track.
    private async Task<FeatureCoverage?> ReadPerTrackCoverageAsync(FeatureConfig config, string audioSha256, CancellationToken cancellationToken) =>
        await store.TryReadJsonAsync<FeatureCoverage>(BlobContainers.Features, BlobNames.FeatureCoverage(config.CacheKey, audioSha256), cancellationToken) is { Value: var stored }
            ? stored
            : null;

    private async Task<float[]?> TryReadVectorAsync(BlobRef target, CancellationToken cancellationToken)
    {
        try
        {
            return (await store.ReadMatrixAsync(target, cancellationToken)).Data;
        }
        catch (ArtifactNotFoundException)
        {
            // Coverage without its vector (removed by hand): extract again.
            return null;
        }
    }

    // Coverage written before shards existed names no shard: the rows are then in the track's own segments blob.
    private static (BlobRef Blob, int FirstRow) SegmentsOf(FeatureCoverage coverage, FeatureConfig config, string sha256) =>
        coverage.Shard is { } shard
            ? (new BlobRef(BlobContainers.Features, shard), coverage.ShardFirstRow)
            : (new BlobRef(BlobContainers.Features, BlobNames.FeatureSegments(config.CacheKey, sha256)), 0);

    private static TrackFeatureResult Success(
        string trackId, BlobRef target, float[] vector, FeatureCoverage coverage, (BlobRef Blob, int FirstRow) segments, bool cached, string silo) =>
        new(trackId, target, vector.Length, cached, silo, null, null, coverage.AnalysedSeconds, coverage.DurationSeconds, coverage.Segments,
            coverage.Warning, segments.Blob, InlineVector(vector), segments.FirstRow);

    private static float[]? InlineVector(float[] vector) =>
        vector.Length * sizeof(float) <= TrackFeatureResult.MaxInlineVectorBytes ? vector : null;

    private static TrackFeatureResult Failure(string trackId, string silo, string reason, string message)
    {
        GrainTelemetry.TrackFailed(silo, reason);
        return new(trackId, null, 0, Cached: false, silo, reason, message);
    }
}
