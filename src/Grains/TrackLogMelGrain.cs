using Microsoft.Extensions.Logging;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;
using Orleans.Placement;

namespace MusicClustering.Grains;

/// <summary>
/// Computes one track's log-mel for the patch models on the silo it lands on and caches it in blob storage by audio
/// hash (<see cref="LogMelBlobs"/>), so identical audio is analysed once whichever experiment asks. The reply names the
/// blob; the spectrogram itself never travels in a message.
/// </summary>
[RandomPlacement]
public sealed class TrackLogMelGrain(
    ArtifactStore store,
    AudioSource audioSource,
    ExtractionThrottle throttle,
    ILocalSiloDetails silo,
    ILogger<TrackLogMelGrain> logger) : Grain, ITrackLogMelGrain
{
    public async Task<TrackLogMelResult> ComputeLogMelAsync(TrackExtractionRequest request, CancellationToken cancellationToken)
    {
        // Everything it produces is in storage: no reason to stay resident.
        DeactivateOnIdle();
        var trackId = this.GetPrimaryKeyString();
        var siloName = SiloIdentity.Describe(silo);
        if (await LogMelBlobs.TryReadAsync(store, request.AudioSha256, cancellationToken) is { } cached)
        {
            return new TrackLogMelResult(trackId, cached.LogMel, cached.Frames, cached.Floor, Cached: true, siloName);
        }

        LogMelSpectrogram spectrogram;
        try
        {
            await using var audio = await audioSource.OpenReadAsync(request.Audio, request.InPlace, cancellationToken);
            spectrogram = await throttle.RunAsync(() => TrackLogMel.Compute(audio, request.FileName, cancellationToken), cancellationToken);
        }
        catch (AudioFormatException ex)
        {
            return Failure(trackId, siloName, ex.Reason, ex.Message);
        }
        catch (LibraryPathException ex)
        {
            return Failure(trackId, siloName, ex.Reason, ex.Message);
        }

        var track = await LogMelBlobs.WriteAsync(store, request.AudioSha256, spectrogram, cancellationToken);
        return new TrackLogMelResult(trackId, track.LogMel, track.Frames, track.Floor, Cached: false, siloName);
    }

    private TrackLogMelResult Failure(string trackId, string silo, string reason, string message)
    {
        logger.LogWarning("Log-mel of track {Track} failed: {Reason}: {Message}", trackId, reason, message);
        return new TrackLogMelResult(trackId, null, 0, 0, Cached: false, silo, message, reason);
    }
}
