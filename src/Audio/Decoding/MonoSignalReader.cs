namespace MusicClustering.Audio;

/// <summary>
/// librosa.load in chunks: an <see cref="AudioReader"/>'s frames averaged over channels (librosa.to_mono) and resampled
/// to the target rate as they arrive (<see cref="StreamingResampler"/>), pulled by the caller.
/// </summary>
public sealed class MonoSignalReader : IDisposable
{
    private const int ChunkFrames = 1 << 14;

    private readonly AudioReader _reader;
    private readonly StreamingResampler? _resampler;
    private readonly SampleQueue _pending = new();
    private readonly float[] _interleaved;
    private readonly float[] _mono = new float[ChunkFrames];
    private bool _ended;

    public MonoSignalReader(AudioReader reader, int targetRate)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _reader = reader;
        TargetRate = targetRate;
        _interleaved = new float[ChunkFrames * reader.Channels];
        _resampler = reader.SampleRate == targetRate ? null : new StreamingResampler(reader.SampleRate, targetRate);
    }

    public AudioReader Source => _reader;

    public int TargetRate { get; }

    /// <summary>Fills <paramref name="output"/> as far as the signal goes; returns the samples written (0 at the end).</summary>
    public int Read(Span<float> output)
    {
        var written = 0;
        while (written < output.Length)
        {
            written += _pending.Take(output[written..]);
            if (written == output.Length || _ended)
            {
                break;
            }

            if (_resampler is null && _reader.Channels == 1)
            {
                // Nothing to mix or resample: the reader decodes straight into the caller's buffer (two copies fewer).
                var frames = _reader.Read(output[written..]);
                _ended = frames == 0;
                written += frames;
                continue;
            }

            Fill();
        }

        return written;
    }

    public void Dispose() => _reader.Dispose();

    private void Fill()
    {
        var frames = _reader.Read(_interleaved);
        if (frames == 0)
        {
            _ended = true;
            _resampler?.Finish(_pending);
            return;
        }

        var mono = Downmix(_interleaved.AsSpan(0, frames * _reader.Channels), _reader.Channels, _mono);
        if (_resampler is null)
        {
            _pending.AddRange(mono);
        }
        else
        {
            _resampler.Push(mono, _pending);
        }
    }

    private static ReadOnlySpan<float> Downmix(ReadOnlySpan<float> interleaved, int channels, float[] mono)
    {
        if (channels == 1)
        {
            return interleaved;
        }

        var frames = interleaved.Length / channels;
        for (var f = 0; f < frames; f++)
        {
            float sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += interleaved[(f * channels) + c];
            }

            mono[f] = sum / channels;
        }

        return mono.AsSpan(0, frames);
    }
}
