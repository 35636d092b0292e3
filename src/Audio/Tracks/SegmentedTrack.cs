namespace MusicClustering.Audio;

/// <summary>
/// A track read as a sequence of analysis segments (see <see cref="SegmentReader"/>), with the bookkeeping every
/// consumer needs: the too_long decision from the header before decoding (and during decoding when the header does
/// not say), a truncation that leaves nothing to analyse turned into a truncated_data failure, and at the end how much
/// was analysed of how long a track. Each segment is valid until the next one is read, and none after <see cref="Dispose"/>
/// (which returns the segment buffer to its pool; the caller still owns the reader).
/// </summary>
public sealed class SegmentedTrack : IDisposable
{
    private readonly AudioReader _reader;
    private readonly FeatureConfig _config;
    private readonly SegmentReader _segments;
    private long _samples;

    public SegmentedTrack(AudioReader reader, FeatureConfig config, int? maxSegments = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(config);
        _reader = reader;
        _config = config;
        DurationLimit.CheckDeclared(reader, config.MaxSeconds);
        var rate = config.Mfcc.SampleRate;
        _segments = new SegmentReader(new MonoSignalReader(reader, rate), (int)Math.Round(config.SegmentSeconds * rate), maxSegments ?? config.MaxSegments);
    }

    public string FileName => _reader.FileName;

    public int Count => _segments.Segments;

    /// <summary>Samples (at the analysis rate) of every segment read so far.</summary>
    public long Samples => _samples;

    /// <summary>The track's duration: what decoded, or what the header declares when reading stopped at max_segments.</summary>
    public double DurationSeconds => _segments.StoppedEarly
        ? Math.Max(_reader.DeclaredSeconds ?? 0, SecondsRead)
        : SecondsRead;

    public double SecondsRead => (double)_samples / _config.Mfcc.SampleRate;

    /// <summary>A truncated_data warning with the duration read, once the end was reached.</summary>
    public string? Warning => _reader.Truncation is { } truncation ? $"{AudioFailureReasons.TruncatedData}: {truncation}" : null;

    /// <summary>Runs <paramref name="analyse"/> on every segment in order.</summary>
    public void ForEach(Action<ReadOnlySpan<float>> analyse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analyse);
        try
        {
            while (_segments.TryNext(out var segment))
            {
                cancellationToken.ThrowIfCancellationRequested();
                DurationLimit.CheckDecoded(_reader, _config.MaxSeconds);
                analyse(segment.Span);
                _samples += segment.Length;
            }
        }
        catch (AudioFormatException ex) when (ex.Reason is AudioFailureReasons.TooShort && _reader.Truncation is not null)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedData, $"{_reader.Truncation} Too little remains to analyse: {ex.Message}", ex);
        }

        if (Count == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{_reader.FileName}: no samples decoded.");
        }
    }

    public void Dispose() => _segments.Dispose();
}
