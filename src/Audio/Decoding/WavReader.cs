using System.Buffers.Binary;

namespace MusicClustering.Audio;

/// <summary>
/// RIFF/WAVE reader: PCM 8/16/24/32, IEEE float 32/64, WAVE_FORMAT_EXTENSIBLE, any channel count. Chunks before
/// 'data' are parsed (or skipped, honouring the RIFF pad byte) as they stream by; the samples are converted chunk by
/// chunk. A data size of 0 or 0xFFFFFFFF (streaming writers) means "to the end"; any other size that the file does not
/// hold is reported as truncated data.
/// </summary>
internal sealed class WavReader : FramedDataReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    private readonly WavFormat _format;

    public WavReader(StreamBytes input, string fileName)
        : base(input, fileName)
    {
        Span<byte> header = stackalloc byte[12];
        if (input.ReadUpTo(header) < 12)
        {
            throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: {input.Position} bytes is shorter than the 12-byte RIFF/WAVE header.");
        }

        WavFormat? format = null;
        Span<byte> chunk = stackalloc byte[8];
        while (true)
        {
            var at = input.Position;
            if (input.ReadUpTo(chunk) < 8)
            {
                var what = format is null ? "'fmt ' chunk" : "'data' chunk";
                throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: the file ends at byte {input.Position} before the {what} was found.");
            }

            var id = chunk[..4];
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (id.SequenceEqual("fmt "u8))
            {
                var body = new byte[Math.Min(size, 1024u)];
                var read = input.ReadUpTo(body);
                if (size < 16 || read < 16)
                {
                    throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: 'fmt ' chunk has {Math.Min(size, (uint)read)} bytes, at least 16 are required.");
                }

                format = ParseFormat(body.AsSpan(0, read), fileName);
                if (!input.Skip(size - read + (size & 1)))
                {
                    throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: the file ends inside the 'fmt ' chunk.");
                }

                continue;
            }

            if (id.SequenceEqual("data"u8))
            {
                _format = format ?? throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: 'data' chunk at byte {at} precedes the 'fmt ' chunk.");
                BeginData(_format.Encoding, _format.Channels, _format.BlockAlign, size is 0 or uint.MaxValue ? null : size, bigEndian: false, "the 'data' chunk");
                return;
            }

            // Unknown chunk (LIST, fact, bext, ...): skip it, honouring the RIFF pad byte after odd sizes.
            if (!input.Skip(size + (size & 1)))
            {
                throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: chunk '{Ascii(id)}' at byte {at} claims {size} bytes but the file ends first; no 'data' chunk found.");
            }
        }
    }

    public override int SampleRate => _format.SampleRate;

    public override int Channels => _format.Channels;

    public static bool IsWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WAVE"u8);

    private static WavFormat ParseFormat(ReadOnlySpan<byte> fmt, string fileName)
    {
        var tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag == FormatExtensible)
        {
            if (fmt.Length < 40)
            {
                throw new AudioFormatException(AudioFailureReasons.TruncatedHeader, $"{fileName}: WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk has {fmt.Length} bytes, 40 are required.");
            }

            // The sub-format GUID starts with the classic format tag (xxxxxxxx-0000-0010-8000-00aa00389b71).
            tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        if (channels == 0 || sampleRate <= 0)
        {
            throw new AudioFormatException(AudioFailureReasons.UnsupportedFormat, $"{fileName}: invalid WAV header ({channels} channels, {sampleRate} Hz).");
        }

        SampleEncoding encoding = (tag, bits) switch
        {
            (FormatPcm, 8) => SampleEncoding.UnsignedPcm8,
            (FormatPcm, 16) => SampleEncoding.Pcm16,
            (FormatPcm, 24) => SampleEncoding.Pcm24,
            (FormatPcm, 32) => SampleEncoding.Pcm32,
            (FormatFloat, 32) => SampleEncoding.Float32,
            (FormatFloat, 64) => SampleEncoding.Float64,
            (FormatPcm or FormatFloat, _) => throw new AudioFormatException(AudioFailureReasons.UnsupportedFormat, $"{fileName}: {bits}-bit {(tag == FormatPcm ? "PCM" : "float")} WAV is not supported (PCM 8/16/24/32, float 32/64 are)."),
            _ => throw new AudioFormatException(AudioFailureReasons.UnknownCodec, $"{fileName}: WAV codec 0x{tag:X4} is not supported (only PCM 0x0001 and IEEE float 0x0003, plain or extensible)."),
        };

        var bytesPerFrame = SampleCodec.BytesPerSample(encoding) * channels;
        return new WavFormat(encoding, channels, sampleRate, Math.Max((int)blockAlign, bytesPerFrame));
    }

    private static string Ascii(ReadOnlySpan<byte> id)
    {
        Span<char> chars = stackalloc char[id.Length];
        for (var i = 0; i < id.Length; i++)
        {
            chars[i] = id[i] is >= 32 and < 127 ? (char)id[i] : '?';
        }

        return new string(chars);
    }

    private sealed record WavFormat(SampleEncoding Encoding, int Channels, int SampleRate, int BlockAlign);
}
