namespace MusicClustering.Audio;

/// <summary>The too_long decision: from the header (or ffprobe) before decoding, else as soon as decoding passes it.</summary>
public static class DurationLimit
{
    public static void CheckDeclared(AudioReader reader, double? maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (maxSeconds is { } limit && reader.DeclaredSeconds is { } declared && declared > limit)
        {
            throw TooLong(reader.FileName, declared, limit, "declares");
        }
    }

    public static void CheckDecoded(AudioReader reader, double? maxSeconds)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (maxSeconds is { } limit && reader.SecondsRead > limit)
        {
            throw TooLong(reader.FileName, reader.SecondsRead, limit, "decodes to more than");
        }
    }

    private static AudioFormatException TooLong(string fileName, double seconds, double limit, string verb) =>
        new(AudioFailureReasons.TooLong, FormattableString.Invariant($"{fileName}: the file {verb} {seconds:0.###} s, over the {limit:0.###} s limit."));
}
