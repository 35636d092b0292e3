using System.Buffers.Binary;

namespace MusicClustering.Audio.Tests;

/// <summary>Every supported container/encoding decodes to exactly the expected soundfile-scaled floats.</summary>
public sealed class DecodingTests
{
    [Fact]
    public void Pcm16_mono_round_trips_exactly()
    {
        var samples = new[] { 0f, 1 / 32768f, -1f, 32767 / 32768f, -12345 / 32768f, 0.5f };
        var decoded = AudioDecoder.Decode(ByteBuilders.WavFromWriter(samples, 1, 22050, WavSampleFormat.Pcm16), "a.wav");
        Assert.Equal(22050, decoded.SampleRate);
        Assert.Equal(1, decoded.Channels);
        Assert.Equal(samples, decoded.Samples);
    }

    [Fact]
    public void Pcm16_vector_conversion_gives_every_value_exactly_what_division_by_32768_gives()
    {
        // Every 16-bit value, at a length that leaves a scalar tail after the vectors.
        var pcm = Enumerable.Range(short.MinValue, 65536).Select(v => (short)v).Append((short)-7).Append((short)7).ToArray();
        var converted = new float[pcm.Length];
        SampleCodec.ConvertPcm16(pcm, converted);
        for (var i = 0; i < pcm.Length; i++)
        {
            Assert.Equal(pcm[i] / 32768f, converted[i]);
        }
    }

    [Fact]
    public void A_mono_file_streamed_through_the_direct_path_keeps_every_sample_in_order()
    {
        // Mono at the target rate skips the reader's queue; odd request sizes must still see every sample once.
        var samples = Enumerable.Range(0, 50_000).Select(i => (short)((i * 7919) % 65536 - 32768) / 32768f).ToArray();
        var wav = ByteBuilders.WavFromWriter(samples, 1, 22050, WavSampleFormat.Pcm16);
        using var mono = new MonoSignalReader(AudioReader.Open(new MemoryStream(wav), "m.wav", 22050), 22050);
        var read = new List<float>();
        var chunk = new float[3001];
        int n;
        while ((n = mono.Read(chunk.AsSpan(0, 1 + (read.Count % 3000)))) > 0)
        {
            read.AddRange(chunk.AsSpan(0, n).ToArray());
        }

        Assert.Equal(samples, read);
    }

    [Fact]
    public void Pcm8_is_unsigned_with_offset_128()
    {
        var decoded = AudioDecoder.Decode(ByteBuilders.Wav(1, 1, 8000, 8, [0, 128, 255, 64]), "u8.wav");
        Assert.Equal(new[] { -1f, 0f, 127 / 128f, -0.5f }, decoded.Samples);
    }

    [Fact]
    public void Pcm24_is_sign_extended_and_scaled_by_2_pow_23()
    {
        var data = new byte[] { 0x00, 0x00, 0x80, 0xFF, 0xFF, 0x7F, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0xFF };
        var decoded = AudioDecoder.Decode(ByteBuilders.Wav(1, 1, 44100, 24, data), "s24.wav");
        Assert.Equal(new[] { -1f, 8388607 / 8388608f, 1 / 8388608f, -1 / 8388608f }, decoded.Samples);
    }

    [Fact]
    public void Pcm32_is_scaled_by_2_pow_31()
    {
        var data = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(data, int.MinValue);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(4), 1 << 30);
        BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(8), -(1 << 20));
        var decoded = AudioDecoder.Decode(ByteBuilders.Wav(1, 1, 48000, 32, data), "s32.wav");
        Assert.Equal(new[] { -1f, 0.5f, -1f / (1 << 11) }, decoded.Samples);
    }

    [Theory]
    [InlineData(WavSampleFormat.Float32)]
    [InlineData(WavSampleFormat.Float64)]
    public void Float_formats_round_trip_exactly(WavSampleFormat format)
    {
        var samples = new[] { 0.123456789f, -0.987654321f, 1.5f, -2f, 0f };
        var decoded = AudioDecoder.Decode(ByteBuilders.WavFromWriter(samples, 1, 16000, format), "f.wav");
        Assert.Equal(samples, decoded.Samples);
    }

    [Theory]
    [InlineData(WavSampleFormat.Pcm16)]
    [InlineData(WavSampleFormat.Pcm24)]
    [InlineData(WavSampleFormat.Float32)]
    public void Extensible_stereo_keeps_interleaving(WavSampleFormat format)
    {
        var interleaved = new[] { 0.25f, -0.25f, 0.5f, -0.5f, 0f, 1 / 256f };
        var bytes = ByteBuilders.WavFromWriter(interleaved, 2, 44100, format, extensible: true);
        Assert.Equal(0xFFFE, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));

        var decoded = AudioDecoder.Decode(bytes, "ext.wav");

        Assert.Equal(2, decoded.Channels);
        Assert.Equal(3, decoded.Frames);
        Assert.Equal(interleaved, decoded.Samples);
    }

    [Fact]
    public void Stereo_downmix_averages_channels()
    {
        var decoded = AudioDecoder.Decode(ByteBuilders.WavFromWriter([0.5f, 0f, -0.25f, 0.75f], 2, 22050, WavSampleFormat.Pcm16), "st.wav");
        Assert.Equal(new[] { 0.25f, 0.25f }, AudioLoader.Downmix(decoded));
    }

    [Fact]
    public void Skips_unknown_odd_sized_chunks_and_honours_pad_byte()
    {
        var data = new byte[] { 0x00, 0x40, 0x00, 0xC0 }; // 0.5, -0.5
        var extra = ByteBuilders.OddChunk("LIST", 3).Concat(ByteBuilders.OddChunk("junk", 5)).ToArray();
        var decoded = AudioDecoder.Decode(ByteBuilders.Wav(1, 1, 22050, 16, data, extra), "chunks.wav");
        Assert.Equal(new[] { 0.5f, -0.5f }, decoded.Samples);
    }

    [Fact]
    public void Streaming_data_size_means_until_end_of_file()
    {
        var data = new byte[] { 0x00, 0x40, 0x00, 0xC0, 0x01 }; // two samples plus a stray byte
        var decoded = AudioDecoder.Decode(ByteBuilders.Wav(1, 1, 22050, 16, data, dataSizeField: uint.MaxValue), "stream.wav");
        Assert.Equal(new[] { 0.5f, -0.5f }, decoded.Samples);
    }

    [Fact]
    public void Au_mu_law_uses_G711_table()
    {
        var decoded = AudioDecoder.Decode(ByteBuilders.Au(1, 1, 8000, [0xFF, 0x80, 0x00, 0x7F, 0xF0]), "mu.au");
        Assert.Equal(8000, decoded.SampleRate);
        Assert.Equal(new[] { 0f, 32124 / 32768f, -32124 / 32768f, 0f, 120 / 32768f }, decoded.Samples);
    }

    [Fact]
    public void Au16_bit_is_big_endian_and_multichannel()
    {
        var decoded = AudioDecoder.Decode(ByteBuilders.Au(3, 2, 22050, [0x40, 0x00, 0xC0, 0x00, 0x00, 0x01, 0xFF, 0xFF]), "s16.au");
        Assert.Equal(2, decoded.Channels);
        Assert.Equal(new[] { 0.5f, -0.5f, 1 / 32768f, -1 / 32768f }, decoded.Samples);
    }

    [Fact]
    public void Au_other_linear_and_float_encodings()
    {
        Assert.Equal(new[] { -1f, 0.5f }, AudioDecoder.Decode(ByteBuilders.Au(2, 1, 8000, [0x80, 0x40]), "s8.au").Samples);
        Assert.Equal(new[] { 0.5f }, AudioDecoder.Decode(ByteBuilders.Au(4, 1, 8000, [0x40, 0x00, 0x00]), "s24.au").Samples);
        Assert.Equal(new[] { -0.5f }, AudioDecoder.Decode(ByteBuilders.Au(5, 1, 8000, [0xC0, 0x00, 0x00, 0x00]), "s32.au").Samples);

        var f = new byte[4];
        BinaryPrimitives.WriteSingleBigEndian(f, 0.375f);
        Assert.Equal(new[] { 0.375f }, AudioDecoder.Decode(ByteBuilders.Au(6, 1, 8000, f), "f.au").Samples);

        var d = new byte[8];
        BinaryPrimitives.WriteDoubleBigEndian(d, -0.125);
        Assert.Equal(new[] { -0.125f }, AudioDecoder.Decode(ByteBuilders.Au(7, 1, 8000, d), "d.au").Samples);
    }

    [Fact]
    public void Au_unknown_data_size_reads_until_end_of_file()
    {
        var decoded = AudioDecoder.Decode(ByteBuilders.Au(3, 1, 8000, [0x40, 0x00, 0x20, 0x00], dataSize: uint.MaxValue, headerSize: 28), "open.au");
        Assert.Equal(new[] { 0.5f, 0.25f }, decoded.Samples);
    }

    [Fact]
    public void Shared_reference_wav_decodes_like_soundfile()
    {
        var decoded = AudioDecoder.Decode(File.ReadAllBytes(SharedData.Path("reference", "wavs", "stereo44k_sine440_noise_3s.wav")), "stereo.wav");
        Assert.Equal(44100, decoded.SampleRate);
        Assert.Equal(2, decoded.Channels);
        Assert.Equal(132300, decoded.Frames);
        Assert.All(decoded.Samples.Take(1000), s => Assert.Equal(0, (s * 32768) % 1)); // s16 / 32768 exactly
    }
}
