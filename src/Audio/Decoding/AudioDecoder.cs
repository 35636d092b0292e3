namespace MusicClustering.Audio;

/// <summary>Decodes audio bytes, detecting the container by magic bytes first and file extension second.</summary>
public static class AudioDecoder
{
    /// <summary>Sample rate requested from ffmpeg for compressed formats when the caller names none.</summary>
    public const int DefaultCompressedSampleRate = 22050;

    // A broken file of a native format is reported as what it is (truncated_header, ...), never handed to ffmpeg.
    private static readonly string[] NativeExtensions = [".wav", ".wave", ".au", ".snd"];

    private static readonly string[] CompressedExtensions = [".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".mp4", ".aac", ".wma", ".aif", ".aiff", ".webm"];

    /// <summary>Decodes WAV and .au natively (native rate and channels); compressed formats via ffmpeg as mono at 22050 Hz.</summary>
    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName) =>
        Decode(bytes, fileName, DefaultCompressedSampleRate);

    /// <summary>As <see cref="Decode(ReadOnlySpan{byte}, string)"/>, asking ffmpeg for mono at <paramref name="compressedSampleRate"/>.</summary>
    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName, int compressedSampleRate)
    {
        if (bytes.IsEmpty)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{fileName}: the file is empty (0 bytes).");
        }

        if (WavDecoder.IsWav(bytes))
        {
            return WavDecoder.Decode(bytes, fileName);
        }

        if (AuDecoder.IsAu(bytes))
        {
            return AuDecoder.Decode(bytes, fileName);
        }

        var compressed = DetectCompressed(bytes, fileName);
        if (compressed is not null)
        {
            return FfmpegDecoder.Decode(bytes, fileName, compressed, compressedSampleRate);
        }

        throw Unrecognised(bytes, fileName);
    }

    private static string? DetectCompressed(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.StartsWith("ID3"u8) || (bytes.Length >= 2 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0))
        {
            return "mp3";
        }

        if (bytes.StartsWith("OggS"u8))
        {
            return "ogg";
        }

        if (bytes.StartsWith("fLaC"u8))
        {
            return "flac";
        }

        if (bytes.Length >= 12 && bytes.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return "mp4/m4a";
        }

        if (bytes.StartsWith("FORM"u8))
        {
            return "aiff";
        }

        // Any other binary file goes to ffmpeg when it is installed: ingest accepts whatever ffmpeg reads (FfmpegProbe).
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var known = CompressedExtensions.Contains(extension)
            || (extension.Length > 1 && !NativeExtensions.Contains(extension) && FfmpegDecoder.FindExecutable() is not null);
        return known && !LooksLikeText(bytes) ? extension.TrimStart('.') : null;
    }

    private static AudioFormatException Unrecognised(ReadOnlySpan<byte> bytes, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.StartsWith("RIFF"u8) && bytes.Length < 12)
        {
            return new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: {bytes.Length} bytes is shorter than the 12-byte RIFF/WAVE header.");
        }

        var looksText = LooksLikeText(bytes) ? " It looks like a text file." : string.Empty;
        return new AudioFormatException(
            AudioFailureReasons.UnsupportedFormat,
            $"{fileName}: not a recognised audio file (no RIFF/WAVE, .snd, ID3/MPEG, OggS, fLaC or MP4 signature{(extension.Length > 0 ? $" despite the '{extension}' extension" : string.Empty)}).{looksText}");
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 512)];
        if (sample.IsEmpty)
        {
            return false;
        }

        foreach (var b in sample)
        {
            if (b < 9 || (b > 13 && b < 32 && b != 27))
            {
                return false;
            }
        }

        return true;
    }
}
