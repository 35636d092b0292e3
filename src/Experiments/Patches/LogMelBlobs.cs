using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Experiments;

/// <summary>
/// How a track's log-mel is cached: a matrix blob of frames × bands (frame-major, so a crop of consecutive frames is
/// one ranged read) under <c>features/logmel128/{sha}.f32</c>, keyed by audio hash like the features, plus a small
/// JSON beside it, written last, that marks it complete.
/// </summary>
public static class LogMelBlobs
{
    public const string CacheKey = "logmel128";

    public static BlobRef Matrix(string audioSha256) => new(BlobContainers.Features, BlobNames.Features(CacheKey, audioSha256));

    public static BlobRef Summary(string audioSha256) => new(BlobContainers.Features, BlobNames.FeatureCoverage(CacheKey, audioSha256));

    /// <summary>Byte offset of a frame in the matrix blob.</summary>
    public static long Offset(int frame, int bands) => MatrixCodec.HeaderSize + ((long)frame * bands * sizeof(float));

    /// <summary>Frame-major values of a [band, frame] spectrogram.</summary>
    public static float[] FrameMajor(LogMelSpectrogram spectrogram)
    {
        var values = new float[spectrogram.Values.Length];
        for (var band = 0; band < spectrogram.Bands; band++)
        {
            var row = spectrogram.Row(band);
            for (var frame = 0; frame < row.Length; frame++)
            {
                values[(frame * spectrogram.Bands) + band] = row[frame];
            }
        }

        return values;
    }

    /// <summary>Stores the spectrogram (matrix first, summary last) and returns what a patch source needs of it.</summary>
    public static async Task<PatchTrack> WriteAsync(ArtifactStore store, string audioSha256, LogMelSpectrogram spectrogram, CancellationToken cancellationToken)
    {
        var matrix = Matrix(audioSha256);
        await store.WriteMatrixAsync(matrix, FrameMajor(spectrogram), spectrogram.Frames, spectrogram.Bands, cancellationToken);
        var track = new PatchTrack(matrix, spectrogram.Frames, spectrogram.Values.Min());
        await store.WriteJsonAsync(Summary(audioSha256), track, cancellationToken);
        return track;
    }

    /// <summary>The cached log-mel of this audio, or null when it was never (completely) stored.</summary>
    public static async Task<PatchTrack?> TryReadAsync(ArtifactStore store, string audioSha256, CancellationToken cancellationToken) =>
        await store.TryReadJsonAsync<PatchTrack>(Summary(audioSha256), cancellationToken) is { Value: var track } ? track : null;
}
