namespace MusicClustering.Audio;

/// <summary>Machine-readable values of <see cref="AudioFormatException.Reason"/>.</summary>
public static class AudioFailureReasons
{
    /// <summary>The container header or a chunk header ends before it should.</summary>
    public const string TruncatedHeader = "truncated_header";

    /// <summary>The audio data holds no complete sample frame.</summary>
    public const string EmptyData = "empty_data";

    /// <summary>The container is known but its codec/encoding is not.</summary>
    public const string UnknownCodec = "unknown_codec";

    /// <summary>The bytes are not a recognised audio container (e.g. a text file named .wav).</summary>
    public const string UnsupportedFormat = "unsupported_format";

    /// <summary>Float samples contain NaN or infinity.</summary>
    public const string NonFiniteSamples = "non_finite_samples";

    /// <summary>The clip is shorter than one analysis frame (n_fft samples).</summary>
    public const string TooShort = "too_short";

    /// <summary>A compressed format needs ffmpeg, which is not on PATH.</summary>
    public const string FfmpegMissing = "ffmpeg_missing";

    /// <summary>ffmpeg ran but could not decode the input.</summary>
    public const string FfmpegFailed = "ffmpeg_failed";

    /// <summary>The clip exceeds the caller's maximum duration.</summary>
    public const string TooLong = "too_long";

    /// <summary>
    /// The data ends before the duration the header declares (a cut-off WAV/AU, half an mp3 whose header counts its
    /// frames): a warning with the duration read when something remains to analyse, a failure when nothing does.
    /// </summary>
    public const string TruncatedData = "truncated_data";
}
