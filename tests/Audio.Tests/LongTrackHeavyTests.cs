using System.Diagnostics;

namespace MusicClustering.Audio.Tests;

/// <summary>
/// A one-hour recording streams through decoding and segment-by-segment analysis in time linear in its length and
/// with bounded extra memory (&lt; 200 MB above the process's working set before the call), whatever its length.
/// </summary>
[Trait("Category", "Heavy")]
[Collection(SoloMeasurement.Name)]
public sealed class LongTrackHeavyTests(ITestOutputHelper output)
{
    [Fact]
    public void OneHourRunsInLinearTimeAndBoundedMemory()
    {
        var tenMinutes = Recording(10 * 60);
        var oneHour = Recording(60 * 60);
        try
        {
            var config = FeatureConfig.Parse("descriptors");
            var warm = StreamingDecodeTests.TempWav(MfccBenchmark.Clip(), 22050);
            TrackAnalyzer.AnalyzeFile(warm, config); // JIT and per-thread buffers, before the baseline is taken
            File.Delete(warm);
            var (shortSeconds, shortPeak) = Measure(tenMinutes, config, 10 * 60);
            var (longSeconds, longPeak) = Measure(oneHour, config, 60 * 60);

            output.WriteLine($"10 min: {shortSeconds:F1} s, +{shortPeak / 1e6:F0} MB; 60 min: {longSeconds:F1} s, +{longPeak / 1e6:F0} MB; ratio {longSeconds / shortSeconds:F2}");
            Assert.True(longPeak < 200e6, $"one hour took {longPeak / 1e6:F0} MB above the baseline");
            Assert.True(longPeak < shortPeak + 60e6, $"memory grew with length: {shortPeak / 1e6:F0} MB for 10 min, {longPeak / 1e6:F0} MB for 60 min");
            // 6 for linear time; the machine is shared, so only superlinear growth (or work skipped) fails.
            Assert.InRange(longSeconds / shortSeconds, 2.0, 9.0);
        }
        finally
        {
            File.Delete(tenMinutes);
            File.Delete(oneHour);
        }
    }

    private (double Seconds, long PeakExtraBytes) Measure(string path, FeatureConfig config, double seconds)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                Thread.Sleep(20);
            }
        });
        var watch = Stopwatch.StartNew();
        var analysis = TrackAnalyzer.AnalyzeFile(path, config);
        var elapsed = watch.Elapsed.TotalSeconds;
        stop.Cancel();
        sampler.Wait();
        Assert.Equal(seconds, analysis.AnalysedSeconds, 1);
        Assert.Equal((int)(seconds / 30), analysis.Segments);
        Assert.All(analysis.Vector, v => Assert.True(float.IsFinite(v)));
        return (elapsed, peak - baseline);
    }

    // A 16-bit 22.05 kHz WAV of the given length, written a 30 s clip at a time (the test itself stays small too).
    private static string Recording(int seconds)
    {
        var path = Path.Combine(Path.GetTempPath(), $"long-{seconds}-{Guid.NewGuid():N}.wav");
        var clip = MfccBenchmark.Clip();
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        var dataBytes = (uint)(seconds * 22050 * 2);
        writer.Write("RIFF"u8);
        writer.Write(36 + dataBytes);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((ushort)1);
        writer.Write((ushort)1);
        writer.Write(22050);
        writer.Write(22050 * 2);
        writer.Write((ushort)2);
        writer.Write((ushort)16);
        writer.Write("data"u8);
        writer.Write(dataBytes);
        var pcm = new byte[clip.Length * 2];
        for (var i = 0; i < clip.Length; i++)
        {
            BitConverter.TryWriteBytes(pcm.AsSpan(2 * i), (short)Math.Clamp(clip[i] * 32768f, -32768f, 32767f));
        }

        for (long written = 0; written < dataBytes; written += pcm.Length)
        {
            writer.Write(pcm, 0, (int)Math.Min(pcm.Length, dataBytes - written));
        }

        return path;
    }
}

/// <summary>The memory figures are the process's: no other test may allocate while they are taken.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloMeasurement
{
    public const string Name = "Solo measurement";
}
