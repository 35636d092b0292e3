using System.Buffers.Binary;
using System.Text;

namespace MusicClustering.Audio.Tests;

/// <summary>Each failure surfaces as <see cref="AudioFormatException"/> with the right machine-readable reason.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void Truncated_riff_header()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode("RIFF\0\0\0\0"u8.ToArray(), "short.wav"));
        Assert.Equal(AudioFailureReasons.TruncatedHeader, ex.Reason);
        Assert.Contains("12-byte", ex.Message);
    }

    [Theory]
    [InlineData("empty.wav")]
    [InlineData("empty.mp3")]
    public void Empty_file(string name)
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode([], name));
        Assert.Equal(AudioFailureReasons.EmptyData, ex.Reason);
        Assert.Contains("0 bytes", ex.Message);
    }

    [Fact]
    public void Truncated_fmt_chunk()
    {
        var full = ByteBuilders.Wav(1, 1, 22050, 16, [0, 0]);
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(full.AsSpan(0, 28), "cut.wav"));
        Assert.Equal(AudioFailureReasons.TruncatedHeader, ex.Reason);
    }

    [Fact]
    public void Missing_data_chunk()
    {
        var full = ByteBuilders.Wav(1, 1, 22050, 16, [0, 0]);
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(full.AsSpan(0, 36), "nodata.wav"));
        Assert.Equal(AudioFailureReasons.TruncatedHeader, ex.Reason);
        Assert.Contains("'data'", ex.Message);
    }

    [Fact]
    public void Truncated_au_header()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(".snd\0\0\0\x18"u8.ToArray(), "short.au"));
        Assert.Equal(AudioFailureReasons.TruncatedHeader, ex.Reason);
    }

    [Fact]
    public void Zero_length_data()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.Wav(1, 2, 22050, 16, []), "empty.wav"));
        Assert.Equal(AudioFailureReasons.EmptyData, ex.Reason);

        var au = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.Au(3, 1, 8000, []), "empty.au"));
        Assert.Equal(AudioFailureReasons.EmptyData, au.Reason);
    }

    [Fact]
    public void Unknown_wav_codec()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.Wav(2, 1, 22050, 4, [1, 2, 3, 4]), "adpcm.wav"));
        Assert.Equal(AudioFailureReasons.UnknownCodec, ex.Reason);
        Assert.Contains("0x0002", ex.Message);
    }

    [Fact]
    public void Unknown_au_encoding()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.Au(23, 1, 8000, [1, 2]), "g721.au"));
        Assert.Equal(AudioFailureReasons.UnknownCodec, ex.Reason);
    }

    [Fact]
    public void Unsupported_bit_depth()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.Wav(1, 1, 22050, 12, [1, 2, 3, 4]), "s12.wav"));
        Assert.Equal(AudioFailureReasons.UnsupportedFormat, ex.Reason);
    }

    [Fact]
    public void Text_file_named_wav()
    {
        var text = Encoding.UTF8.GetBytes("These are not the samples you are looking for.\nJust text.\n");
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(text, "notes.wav"));
        Assert.Equal(AudioFailureReasons.UnsupportedFormat, ex.Reason);
        Assert.Contains("text", ex.Message);
        Assert.Contains(".wav", ex.Message);
    }

    [Fact]
    public void Nan_float_samples()
    {
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.WavFromWriter([0.1f, float.NaN], 1, 22050, WavSampleFormat.Float32), "nan.wav"));
        Assert.Equal(AudioFailureReasons.NonFiniteSamples, ex.Reason);
        Assert.Contains("sample 1", ex.Message);
    }

    [Fact]
    public void Infinite_double_samples()
    {
        var data = new byte[16];
        BinaryPrimitives.WriteDoubleLittleEndian(data, 0.5);
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(8), double.PositiveInfinity);
        var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(ByteBuilders.Wav(3, 1, 22050, 64, data), "inf.wav"));
        Assert.Equal(AudioFailureReasons.NonFiniteSamples, ex.Reason);
    }

    [Fact]
    public void Shorter_than_one_frame()
    {
        var bytes = ByteBuilders.WavFromWriter(new float[1000], 1, 22050, WavSampleFormat.Pcm16);
        var ex = Assert.Throws<AudioFormatException>(() => AudioLoader.LoadMono(bytes, "tiny.wav"));
        Assert.Equal(AudioFailureReasons.TooShort, ex.Reason);
        Assert.Contains("2048", ex.Message);

        var mfcc = Assert.Throws<AudioFormatException>(() => new MfccExtractor(new MfccOptions()).Compute(new float[2047]));
        Assert.Equal(AudioFailureReasons.TooShort, mfcc.Reason);
    }

    [Fact]
    public void Longer_than_limit()
    {
        var bytes = ByteBuilders.WavFromWriter(new float[22050], 1, 22050, WavSampleFormat.Pcm16);
        var ex = Assert.Throws<AudioFormatException>(() => AudioLoader.LoadMono(bytes, "long.wav", maxSeconds: 0.5));
        Assert.Equal(AudioFailureReasons.TooLong, ex.Reason);
        Assert.Equal(22050, AudioLoader.LoadMono(bytes, "long.wav", maxSeconds: 1.0).Length);
    }

    [Fact]
    public void Compressed_format_needs_ffmpeg()
    {
        var mp3 = Directory.GetFiles(SharedData.Path("data", "jamendo"), "*.mp3", SearchOption.AllDirectories).First();
        var bytes = File.ReadAllBytes(mp3);
        if (FfmpegReader.FindExecutable() is null)
        {
            var ex = Assert.Throws<AudioFormatException>(() => AudioDecoder.Decode(bytes, Path.GetFileName(mp3)));
            Assert.Equal(AudioFailureReasons.FfmpegMissing, ex.Reason);
            Assert.Contains("apt-get install ffmpeg", ex.Message);
        }
        else
        {
            var decoded = AudioDecoder.Decode(bytes, Path.GetFileName(mp3));
            Assert.Equal(22050, decoded.SampleRate);
            Assert.True(decoded.DurationSeconds > 10, $"decoded only {decoded.DurationSeconds} s");
        }
    }
}
