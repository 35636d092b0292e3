namespace MusicClustering.Audio;

/// <summary>
/// Decoded PCM read chunk by chunk, so no file costs more than a bounded working set: WAV and Sun .au straight from
/// any stream, compressed formats from ffmpeg's output pipe. The duration the header (or ffprobe) declares is known
/// before any sample is decoded; a data section that ends before it is reported by <see cref="Truncation"/>.
/// </summary>
public abstract class AudioReader : IDisposable
{
    protected AudioReader(string fileName) => FileName = fileName;

    public string FileName { get; }

    public abstract int SampleRate { get; }

    public abstract int Channels { get; }

    /// <summary>Seconds the container declares (header data size, or ffprobe); null when it does not say (streamed files).</summary>
    public abstract double? DeclaredSeconds { get; }

    /// <summary>Sample frames (samples per channel) read so far.</summary>
    public long FramesRead { get; protected set; }

    public double SecondsRead => (double)FramesRead / SampleRate;

    /// <summary>
    /// Once the end was reached: null, or a sentence saying that the data ended early (reason truncated_data) with the
    /// duration read and the duration declared.
    /// </summary>
    public string? Truncation { get; protected set; }

    /// <summary>
    /// Reads up to <c>interleaved.Length / Channels</c> whole frames as interleaved floats in [−1, 1) (soundfile
    /// scaling) and returns how many frames it read; 0 at the end. Throws <see cref="AudioFormatException"/>.
    /// </summary>
    public abstract int Read(Span<float> interleaved);

    /// <summary>Opens the right reader for <paramref name="stream"/>, detected by magic bytes first and extension second.</summary>
    public static AudioReader Open(Stream stream, string fileName, int compressedSampleRate = AudioDecoder.DefaultCompressedSampleRate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[12];
        var length = StreamBytes.ReadUpTo(stream, head);
        var prefix = head.AsSpan(0, length);
        if (length == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{fileName}: the file is empty (0 bytes).");
        }

        if (WavReader.IsWav(prefix))
        {
            return new WavReader(new StreamBytes(stream, head[..length]), fileName);
        }

        if (AuReader.IsAu(prefix))
        {
            return new AuReader(new StreamBytes(stream, head[..length]), fileName);
        }

        var compressed = ContainerSniffer.DetectCompressed(prefix, fileName);
        if (compressed is not null)
        {
            return FfmpegReader.Open(stream, head[..length], fileName, compressed, compressedSampleRate);
        }

        throw ContainerSniffer.Unrecognised(prefix, fileName);
    }

    /// <summary>Opens <paramref name="path"/>; compressed files are handed to ffmpeg by path (seekable containers).</summary>
    public static AudioReader OpenFile(string path, int compressedSampleRate = AudioDecoder.DefaultCompressedSampleRate)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        try
        {
            return new OwningReader(Open(stream, Path.GetFileName(path), compressedSampleRate), stream);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    /// <summary>Marks the data as truncated when fewer frames were read than the container declared.</summary>
    protected void CheckTruncation(long declaredFrames)
    {
        if (declaredFrames > FramesRead)
        {
            Truncation = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{FileName}: the data ends after {SecondsRead:0.###} s although the header declares {(double)declaredFrames / SampleRate:0.###} s; only what was read is analysed.");
        }
    }

    // A reader that also disposes the file it reads.
    private sealed class OwningReader(AudioReader inner, Stream stream) : AudioReader(inner.FileName)
    {
        public override int SampleRate => inner.SampleRate;

        public override int Channels => inner.Channels;

        public override double? DeclaredSeconds => inner.DeclaredSeconds;

        public override int Read(Span<float> interleaved)
        {
            var frames = inner.Read(interleaved);
            FramesRead = inner.FramesRead;
            Truncation = inner.Truncation;
            return frames;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                stream.Dispose();
            }
        }
    }
}
