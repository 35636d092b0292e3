namespace MusicClustering.Audio;

/// <summary>Recognises compressed containers by magic bytes, then by extension, and words the error for anything else.</summary>
internal static class ContainerSniffer
{
    public static readonly string[] CompressedExtensions = [".mp3", ".ogg", ".oga", ".opus", ".flac", ".m4a", ".mp4", ".aac", ".wma", ".aif", ".aiff", ".webm"];

    private static readonly string[] NativeExtensions = [".wav", ".wave", ".au", ".snd"];

    public static string? DetectCompressed(ReadOnlySpan<byte> bytes, string fileName)
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
        // A broken file of a native format is reported as what it is (truncated_header, ...), never handed to ffmpeg.
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var known = CompressedExtensions.Contains(extension)
            || (extension.Length > 1 && !NativeExtensions.Contains(extension) && FfmpegReader.FindExecutable() is not null);
        return known && !LooksLikeText(bytes) ? extension.TrimStart('.') : null;
    }

    public static AudioFormatException Unrecognised(ReadOnlySpan<byte> bytes, string fileName)
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
        if (bytes.IsEmpty)
        {
            return false;
        }

        foreach (var b in bytes)
        {
            if (b < 9 || (b > 13 && b < 32 && b != 27))
            {
                return false;
            }
        }

        return true;
    }
}
