using System.Buffers.Binary;

namespace MusicClustering.Audio.Tests;

/// <summary>Chunked decoding, streaming resampling and segmenting give what whole-buffer processing gives.</summary>
public sealed class StreamingDecodeTests
{
    [Fact]
    public void WavFromANonSeekableStreamDecodesChunkByChunkToTheSameSamples()
    {
        var samples = Noise(100_003, 1);
        var bytes = ByteBuilders.WavFromWriter(samples, 1, 22050, WavSampleFormat.Pcm16);
        using var reader = AudioReader.Open(new TrickleStream(bytes, 777), "t.wav");
        Assert.Equal(100_003 / 22050.0, reader.DeclaredSeconds!.Value, 9);
        var chunk = new float[4096];
        var decoded = new List<float>();
        int n;
        while ((n = reader.Read(chunk)) > 0)
        {
            decoded.AddRange(chunk.AsSpan(0, n));
        }

        Assert.Equal(AudioDecoder.Decode(bytes, "t.wav").Samples, decoded);
        Assert.Null(reader.Truncation);
    }

    [Fact]
    public void AWavFrameWiderThanTheReadChunkStillDecodes()
    {
        // 16385 float channels: 65,540 bytes a frame, more than the 64 KiB chunk (once an empty buffer, so "no data").
        const int channels = 16385;
        var data = new byte[2 * channels * 4];
        BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(4 * (channels + 7)), 0.25f); // frame 1, channel 7
        using var reader = AudioReader.Open(new MemoryStream(ByteBuilders.Wav(3, channels, 22050, 32, data)), "wide.wav");
        var frame = new float[2 * channels];
        var frames = new List<float[]>();
        int n;
        while ((n = reader.Read(frame)) > 0)
        {
            frames.AddRange(Enumerable.Range(0, n).Select(f => frame.AsSpan(f * channels, channels).ToArray()));
        }

        Assert.Equal(2, frames.Count);
        Assert.Equal(0.25f, frames[1][7]);
        Assert.Equal(0.25f, frames.SelectMany(f => f).Sum());
    }

    [Fact]
    public void StreamingResamplerInChunksEqualsTheWholeSignal()
    {
        var x = Noise(44_100 * 2 + 17, 2);
        foreach (var (from, to) in new[] { (44100, 22050), (48000, 22050), (16000, 22050), (44056, 22050) })
        {
            var whole = Resampler.Resample(x, from, to);
            var queue = new SampleQueue();
            var streaming = new StreamingResampler(from, to);
            var random = new Random(from);
            for (var i = 0; i < x.Length;)
            {
                var n = Math.Min(random.Next(1, 5000), x.Length - i);
                streaming.Push(x.AsSpan(i, n), queue);
                i += n;
            }

            streaming.Finish(queue);
            var output = new float[queue.Count];
            queue.Take(output);
            Assert.Equal(whole, output);
        }
    }

    [Theory]
    [InlineData(30.01, 30, null, new[] { 30.01 })]
    [InlineData(44.9, 30, null, new[] { 44.9 })]
    [InlineData(45.5, 30, null, new[] { 30.0, 15.5 })]
    [InlineData(100, 30, null, new[] { 30.0, 30.0, 40.0 })]
    [InlineData(100, 30, 2, new[] { 30.0, 30.0 })]
    [InlineData(10, 30, 1, new[] { 10.0 })]
    public void SegmentsAreWholeExceptAShortRemainderJoinsTheLast(double seconds, double segment, int? max, double[] expected)
    {
        const int rate = 1000;
        var bytes = ByteBuilders.WavFromWriter(new float[(int)Math.Round(seconds * rate)], 1, rate, WavSampleFormat.Pcm16);
        using var reader = AudioReader.Open(new MemoryStream(bytes), "s.wav");
        using var segments = new SegmentReader(new MonoSignalReader(reader, rate), (int)(segment * rate), max);
        var lengths = new List<double>();
        while (segments.TryNext(out var s))
        {
            lengths.Add(s.Length / (double)rate);
        }

        Assert.Equal(expected, lengths);
        Assert.Equal(max is { } m && seconds > m * segment * 1.0001, segments.StoppedEarly);
    }

    [Fact]
    public void LongTrackPoolsItsSegmentsAndStoresEachSegmentVector()
    {
        var signal = new TrackSynthesizer(GenreProfile.All[3], new DeterministicRandom(7), 22050).Render(70);
        var path = TempWav(signal, 22050);
        try
        {
            var analysis = TrackAnalyzer.AnalyzeFile(path, FeatureConfig.Parse("stats"));
            Assert.Equal(2, analysis.Segments); // 30 s, then 40 s (the last 10 s join the segment before)
            Assert.Equal(70, analysis.AnalysedSeconds, 3);
            Assert.False(analysis.Partial);

            // Pooled statistics equal those of all the segments' frames together.
            signal = AudioLoader.LoadMonoFile(path); // the 16-bit samples the analysis read
            var mfcc = new MfccExtractor(new MfccOptions());
            var first = mfcc.Compute(signal.AsSpan(0, 30 * 22050));
            var second = mfcc.Compute(signal.AsSpan(30 * 22050));
            var all = new MfccMatrix(20, first.Frames + second.Frames, [.. Enumerable.Range(0, 20).SelectMany(c => first.Row(c).ToArray().Concat(second.Row(c).ToArray()))]);
            var expected = TrackVectorizer.Vectorize(all, FeatureConfig.Parse("stats"));
            Assert.All(Enumerable.Range(0, 40), i => Assert.Equal(expected[i], analysis.Vector[i], 3));
            Assert.Equal(TrackVectorizer.Vectorize(first, FeatureConfig.Parse("stats")), analysis.SegmentVectors[0]);

            var partial = TrackAnalyzer.AnalyzeFile(path, FeatureConfig.Parse("stats:max_segments=1"));
            Assert.Equal(30, partial.AnalysedSeconds, 3);
            Assert.Equal(70, partial.DurationSeconds, 3);
            Assert.True(partial.Partial);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ATrackTooLongIsRefusedFromItsHeaderBeforeDecoding()
    {
        // The header declares 5 hours; the file holds 2 s. Decoding would find nothing wrong.
        var bytes = ByteBuilders.Wav(1, 1, 22050, 16, new byte[2 * 22050 * 2], dataSizeField: 5 * 3600 * 22050 * 2);
        var ex = Assert.Throws<AudioFormatException>(() => TrackAnalyzer.Analyze(new MemoryStream(bytes), "huge.wav", FeatureConfig.Parse("stats")));
        Assert.Equal(AudioFailureReasons.TooLong, ex.Reason);
        Assert.Contains("declares 18000 s", ex.Message);
    }

    [Theory]
    [InlineData("wav")]
    [InlineData("au")]
    public void TruncatedDataIsAnalysedWithAWarningGivingTheDurationRead(string format)
    {
        var pcm = new byte[3 * 22050 * 2];
        new Random(3).NextBytes(pcm);
        var declared = (uint)(10 * 22050 * 2); // the header promises 10 s
        var bytes = format == "wav" ? ByteBuilders.Wav(1, 1, 22050, 16, pcm, dataSizeField: declared) : ByteBuilders.Au(3, 1, 22050, pcm, dataSize: declared);

        var analysis = TrackAnalyzer.Analyze(new MemoryStream(bytes), $"cut.{format}", FeatureConfig.Parse("stats"));

        Assert.Equal(3, analysis.AnalysedSeconds, 3);
        Assert.NotNull(analysis.Warning);
        Assert.StartsWith(AudioFailureReasons.TruncatedData, analysis.Warning);
        Assert.Contains("after 3 s", analysis.Warning);
        Assert.Contains("declares 10 s", analysis.Warning);
    }

    [Fact]
    public void TruncatedDataWithNothingToAnalyseFails()
    {
        var bytes = ByteBuilders.Wav(1, 1, 22050, 16, new byte[200], dataSizeField: 22050 * 2 * 10);
        var ex = Assert.Throws<AudioFormatException>(() => TrackAnalyzer.Analyze(new MemoryStream(bytes), "stub.wav", FeatureConfig.Parse("stats")));
        Assert.Equal(AudioFailureReasons.TruncatedData, ex.Reason);
    }

    [Fact]
    public void HalfAnMp3IsFlaggedTruncatedWhenItsHeaderCountsItsFrames()
    {
        if (FfmpegReader.FindExecutable() is null || FfmpegReader.FindExecutable("ffprobe") is null)
        {
            return; // the decoder tests report ffmpeg_missing separately
        }

        var mp3 = Directory.GetFiles(SharedData.Path("data", "jamendo", "mp3"), "*.mp3").Order().First();
        var bytes = File.ReadAllBytes(mp3);
        var half = Path.Combine(Path.GetTempPath(), $"half-{Guid.NewGuid():N}.mp3");
        File.WriteAllBytes(half, bytes[..(bytes.Length / 2)]);
        try
        {
            var analysis = TrackAnalyzer.AnalyzeFile(half, FeatureConfig.Parse("stats"));
            Assert.NotNull(analysis.Warning);
            Assert.StartsWith(AudioFailureReasons.TruncatedData, analysis.Warning);
            Assert.True(analysis.AnalysedSeconds < 0.6 * analysis.DurationSeconds || analysis.Warning.Contains("declares"), analysis.Warning);

            var whole = TrackAnalyzer.AnalyzeFile(mp3, FeatureConfig.Parse("stats"));
            Assert.Null(whole.Warning);
        }
        finally
        {
            File.Delete(half);
        }
    }

    internal static string TempWav(float[] signal, int rate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"audio-test-{Guid.NewGuid():N}.wav");
        using var stream = File.Create(path);
        WavWriter.WritePcm16(stream, signal, rate);
        return path;
    }

    private static float[] Noise(int n, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() - 0.5))];
    }

    /// <summary>A forward-only stream that hands out at most a few bytes per read, like a network stream.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, chunk), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
