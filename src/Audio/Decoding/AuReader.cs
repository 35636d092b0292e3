using System.Buffers.Binary;

namespace MusicClustering.Audio;

/// <summary>
/// Sun/NeXT .au reader (big-endian): µ-law, linear 8/16/24/32, float, double, read chunk by chunk. A data size of
/// 0xFFFFFFFF means "to the end"; any other size the file does not hold is reported as truncated data.
/// </summary>
internal sealed class AuReader : AudioReader
{
    private const int HeaderSize = 24;
    private const int ChunkBytes = 1 << 16;

    private readonly StreamBytes _input;
    private readonly SampleEncoding _encoding;
    private readonly int _sampleRate;
    private readonly int _channels;
    private readonly int _frameBytes;
    private readonly long? _declaredBytes;
    private readonly byte[] _buffer;
    private long _remaining;
    private long _dataBytesRead;
    private bool _ended;

    public AuReader(StreamBytes input, string fileName)
        : base(fileName)
    {
        _input = input;
        Span<byte> header = stackalloc byte[HeaderSize];
        var got = input.ReadUpTo(header);
        if (got < HeaderSize)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: {got} bytes is shorter than the 24-byte .au header.");
        }

        var dataOffset = BinaryPrimitives.ReadUInt32BigEndian(header[4..]);
        var dataSize = BinaryPrimitives.ReadUInt32BigEndian(header[8..]);
        var encodingCode = BinaryPrimitives.ReadUInt32BigEndian(header[12..]);
        _sampleRate = BinaryPrimitives.ReadInt32BigEndian(header[16..]);
        _channels = BinaryPrimitives.ReadInt32BigEndian(header[20..]);
        if (dataOffset < HeaderSize || !input.Skip(dataOffset - HeaderSize))
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: .au data offset {dataOffset} lies outside the {input.Position}-byte file.");
        }

        if (_channels <= 0 || _sampleRate <= 0)
        {
            throw new AudioFormatException(AudioFailureReasons.UnsupportedFormat, $"{fileName}: invalid .au header ({_channels} channels, {_sampleRate} Hz).");
        }

        _encoding = encodingCode switch
        {
            1 => SampleEncoding.MuLaw,
            2 => SampleEncoding.SignedPcm8,
            3 => SampleEncoding.Pcm16,
            4 => SampleEncoding.Pcm24,
            5 => SampleEncoding.Pcm32,
            6 => SampleEncoding.Float32,
            7 => SampleEncoding.Float64,
            _ => throw new AudioFormatException(AudioFailureReasons.UnknownCodec, $"{fileName}: .au encoding {encodingCode} is not supported (1 µ-law, 2-5 linear PCM, 6 float, 7 double are)."),
        };

        _frameBytes = SampleCodec.BytesPerSample(_encoding) * _channels;
        _declaredBytes = dataSize == uint.MaxValue ? null : dataSize;
        _remaining = _declaredBytes ?? long.MaxValue;
        _buffer = new byte[Math.Max(_frameBytes, ChunkBytes / _frameBytes * _frameBytes)];
    }

    public override int SampleRate => _sampleRate;

    public override int Channels => _channels;

    public override double? DeclaredSeconds => _declaredBytes is { } bytes ? (double)(bytes / _frameBytes) / _sampleRate : null;

    public static bool IsAu(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual(".snd"u8);

    public override int Read(Span<float> interleaved)
    {
        if (_ended)
        {
            return 0;
        }

        var wanted = (int)Math.Min(Math.Min(_buffer.Length, (long)(interleaved.Length / _channels) * _frameBytes), _remaining / _frameBytes * _frameBytes);
        var read = wanted <= 0 ? 0 : _input.ReadUpTo(_buffer.AsSpan(0, wanted));
        var frames = read / _frameBytes;
        _dataBytesRead += read;
        _remaining -= read;
        if (frames == 0)
        {
            return End();
        }

        SampleDecoding.Frames(_buffer.AsSpan(0, frames * _frameBytes), interleaved, _encoding, _channels, _frameBytes, bigEndian: true, FileName, FramesRead * _channels);
        FramesRead += frames;
        if (read < wanted)
        {
            End();
        }

        return frames;
    }

    private int End()
    {
        _ended = true;
        if (FramesRead == 0 && _declaredBytes >= _frameBytes)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedData, $"{FileName}: the header declares {DeclaredSeconds:0.###} s of audio but the data ends after {_dataBytesRead} bytes, before one sample frame.");
        }

        if (FramesRead == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{FileName}: .au data holds {_dataBytesRead} bytes, less than one {_frameBytes}-byte sample frame.");
        }

        if (_declaredBytes is { } declared)
        {
            CheckTruncation(declared / _frameBytes);
        }

        return 0;
    }
}
