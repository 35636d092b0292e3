using System.Buffers.Binary;

namespace MusicClustering.Audio;

/// <summary>
/// Sun/NeXT .au reader (big-endian): µ-law, linear 8/16/24/32, float, double, read chunk by chunk. A data size of
/// 0xFFFFFFFF means "to the end"; any other size the file does not hold is reported as truncated data.
/// </summary>
internal sealed class AuReader : FramedDataReader
{
    private const int HeaderSize = 24;

    private readonly int _sampleRate;
    private readonly int _channels;

    public AuReader(StreamBytes input, string fileName)
        : base(input, fileName)
    {
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

        var encoding = encodingCode switch
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

        BeginData(encoding, _channels, SampleCodec.BytesPerSample(encoding) * _channels, dataSize == uint.MaxValue ? null : dataSize, bigEndian: true, ".au data");
    }

    public override int SampleRate => _sampleRate;

    public override int Channels => _channels;

    public static bool IsAu(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[..4].SequenceEqual(".snd"u8);
}
