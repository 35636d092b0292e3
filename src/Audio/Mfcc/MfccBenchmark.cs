using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>Timing of <see cref="MfccExtractor.Compute(ReadOnlySpan{float})"/> on one 30 s clip (milliseconds).</summary>
/// <param name="MedianMsPerClip">Median wall time of a full Compute call.</param>
/// <param name="FftMs">Median per clip: framing, window, real FFT and |X|².</param>
/// <param name="MelMs">Median per clip: sparse mel projection.</param>
/// <param name="LogMs">Median per clip: power_to_db.</param>
/// <param name="DctMs">Median per clip: top_db clipping and DCT-II.</param>
public sealed record MfccBenchmarkResult(double MedianMsPerClip, double FftMs, double MelMs, double LogMs, double DctMs, int Repeats, int Frames, int SimdLanes);

/// <summary>Measures the MFCC extractor on a deterministic synthetic 30 s clip at 22050 Hz.</summary>
public static class MfccBenchmark
{
    public static MfccBenchmarkResult Run(int repeats)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(repeats);
        var clip = new TrackSynthesizer(GenreProfile.All[9], new DeterministicRandom(12345), 22050).Render(30);
        var extractor = new MfccExtractor(new MfccOptions());
        // Warm-up: JIT tiering and caches settle within a few calls; run at least 5 and 300 ms.
        var frames = extractor.Compute(clip).Frames;
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 5 || warmup.ElapsedMilliseconds < 300; i++)
        {
            extractor.Compute(clip);
        }

        var totals = new double[repeats];
        var fft = new double[repeats];
        var mel = new double[repeats];
        var log = new double[repeats];
        var dct = new double[repeats];
        var toMs = 1000.0 / Stopwatch.Frequency;
        for (var r = 0; r < repeats; r++)
        {
            var start = Stopwatch.GetTimestamp();
            extractor.Compute(clip);
            totals[r] = (Stopwatch.GetTimestamp() - start) * toMs;
        }

        // Stage breakdown from separate, instrumented runs so the totals above carry no timer overhead.
        for (var r = 0; r < repeats; r++)
        {
            var times = new MfccStageTimes();
            extractor.Compute(clip, times);
            fft[r] = times.Fft * toMs;
            mel[r] = times.Mel * toMs;
            log[r] = times.Log * toMs;
            dct[r] = times.Dct * toMs;
        }

        return new MfccBenchmarkResult(Median(totals), Median(fft), Median(mel), Median(log), Median(dct), repeats, frames, BatchedRealFft.Lanes);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
