using System.Numerics;

namespace MusicClustering.Audio.Tests;

/// <summary>Extractor behaviour beyond librosa parity: FFT correctness, options, thread safety, benchmark shape.</summary>
public sealed class MfccExtractorTests
{
    [Theory]
    [InlineData(4)]
    [InlineData(8)]
    [InlineData(64)]
    [InlineData(2048)]
    [InlineData(4096)]
    [InlineData(6)]
    [InlineData(250)]
    public void Batched_fft_matches_direct_dft(int size)
    {
        var fft = new BatchedRealFft(size);
        var lanes = BatchedRealFft.Lanes;
        var random = new Random(size);
        var x = new double[lanes, size];
        for (var l = 0; l < lanes; l++)
        {
            for (var n = 0; n < size; n++)
            {
                x[l, n] = random.NextDouble() - 0.5;
            }
        }

        Vector<float> Lanes(int n) => new(Enumerable.Range(0, lanes).Select(l => (float)x[l, n]).ToArray());
        var input = Enumerable.Range(0, size).Select(Lanes).ToArray();
        var zr = Enumerable.Range(0, size / 2).Select(k => Lanes(2 * k)).ToArray();
        var zi = Enumerable.Range(0, size / 2).Select(k => Lanes((2 * k) + 1)).ToArray();
        var re = new Vector<float>[fft.Bins];
        var im = new Vector<float>[fft.Bins];

        fft.Transform(input, zr, zi, re, im);

        double worst = 0;
        for (var l = 0; l < lanes; l++)
        {
            for (var k = 0; k < fft.Bins; k++)
            {
                double sr = 0, si = 0;
                for (var n = 0; n < size; n++)
                {
                    sr += (float)x[l, n] * Math.Cos(2 * Math.PI * k * n / size);
                    si -= (float)x[l, n] * Math.Sin(2 * Math.PI * k * n / size);
                }

                worst = Math.Max(worst, Math.Abs(sr - re[k][l]) + Math.Abs(si - im[k][l]));
            }
        }

        // float32 arithmetic: the error grows like ε·√n·log n relative to the input's norm (√n / 2 here).
        Assert.True(worst < 2e-6 * size, $"max |FFT − DFT| = {worst:E2}");
    }

    [Fact]
    public void Compute_is_thread_safe()
    {
        var extractor = new MfccExtractor(new MfccOptions());
        var signals = Enumerable.Range(0, 8).Select(seed => Noise(seed)).ToArray();
        var serial = signals.Select(s => extractor.Compute(s).Values).ToArray();

        var parallel = new float[signals.Length][];
        Parallel.For(0, signals.Length * 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var result = extractor.Compute(signals[i % signals.Length]).Values;
            if (i >= signals.Length * 3)
            {
                parallel[i % signals.Length] = result;
            }
        });

        for (var i = 0; i < signals.Length; i++)
        {
            Assert.Equal(serial[i], parallel[i]);
        }
    }

    [Fact]
    public void Frame_count_follows_librosa()
    {
        var centred = new MfccExtractor(new MfccOptions());
        var uncentred = new MfccExtractor(new MfccOptions { Center = false });
        Assert.Equal(130, centred.Compute(Noise(66150, 0)).Frames);
        Assert.Equal(1 + ((66150 - 2048) / 512), uncentred.Compute(Noise(66150, 0)).Frames);
        Assert.Equal(1, uncentred.Compute(Noise(2048, 0)).Frames);
    }

    [Fact]
    public void Other_options_produce_finite_output()
    {
        var signal = Noise(30000, 3);
        foreach (var options in new[]
        {
            new MfccOptions { Power = 1, TopDb = null },
            new MfccOptions { NFft = 1000, HopLength = 256, NMels = 40, NMfcc = 13, FMin = 50, FMax = 8000 },
            new MfccOptions { SampleRate = 16000, NFft = 512, HopLength = 160, NMels = 41, PadMode = PadMode.Reflect },
        })
        {
            var mfcc = new MfccExtractor(options).Compute(signal);
            Assert.Equal(options.NMfcc, mfcc.Coefficients);
            Assert.All(mfcc.Values, v => Assert.True(float.IsFinite(v)));
        }
    }

    [Fact]
    public void Top_db_clips_relative_to_whole_matrix_maximum()
    {
        // Loud first half, silence after: with top_db the silent frames sit exactly at (max − 80) dB in every band,
        // so their c0 equals sqrt(n_mels)·(max − 80) and all other coefficients vanish.
        var signal = Noise(44100, 5);
        Array.Clear(signal, 22050, 22050);
        var mfcc = new MfccExtractor(new MfccOptions()).Compute(signal);
        var last = mfcc.Frames - 1;
        Assert.Equal(mfcc[0, last - 1], mfcc[0, last], 4);
        Assert.All(Enumerable.Range(1, 19), c => Assert.True(Math.Abs(mfcc[c, last]) < 1e-3));
    }

    [Fact]
    public void Samples_outside_every_frame_do_not_move_the_top_db_floor()
    {
        // Without centring, samples past the last full frame belong to no frame; a loud tail there must not change
        // the clip floor (the SIMD batch computes such phantom frames but must ignore them).
        var extractor = new MfccExtractor(new MfccOptions { Center = false });
        var signal = Noise(2048 + 511, 9);
        for (var i = 0; i < 2048; i++)
        {
            signal[i] *= 1e-3f;
        }

        var full = extractor.Compute(signal);
        var trimmed = extractor.Compute(signal.AsSpan(0, 2048));

        Assert.Equal(1, full.Frames);
        Assert.Equal(trimmed.Values, full.Values);
    }

    [Fact]
    public void Log_mel_is_what_the_mfcc_is_the_dct_of()
    {
        // The log-mel spectrogram the learned models read must be the MFCC's own input: its orthonormal DCT-II gives
        // the MFCC matrix (float32 rounding of the log-mel values allows ~1e-4 dB).
        var options = new MfccOptions();
        var extractor = new MfccExtractor(options);
        var signal = Noise(22050 * 2, 4);
        for (var i = 0; i < signal.Length / 2; i++)
        {
            signal[i] *= 1e-4f; // a quiet half, so top_db clipping is exercised
        }

        var mfcc = extractor.Compute(signal);
        var logMel = extractor.ComputeLogMel(signal);

        Assert.Equal(options.NMels, logMel.Bands);
        Assert.Equal(mfcc.Frames, logMel.Frames);
        double worst = 0;
        for (var t = 0; t < mfcc.Frames; t += 7)
        {
            for (var c = 0; c < options.NMfcc; c++)
            {
                double sum = 0;
                for (var m = 0; m < options.NMels; m++)
                {
                    sum += logMel[m, t] * Math.Cos(Math.PI * c * ((2 * m) + 1) / (2.0 * options.NMels));
                }

                var expected = sum * Math.Sqrt((c == 0 ? 1.0 : 2.0) / options.NMels);
                worst = Math.Max(worst, Math.Abs(expected - mfcc[c, t]));
            }
        }

        Assert.True(worst < 1e-3, $"DCT of the log-mel differs from the MFCC by {worst}");
        Assert.True(logMel.Values.Min() >= logMel.Values.Max() - 80.0001, "top_db clipping is applied");
    }

    [Fact]
    public void Benchmark_reports_every_stage()
    {
        var result = MfccBenchmark.Run(2);
        Assert.Equal(1292, result.Frames);
        Assert.Equal(2, result.Repeats);
        Assert.True(result.MedianMsPerClip > 0);
        Assert.Equal(MfccBenchmark.StageNames, result.Stages.Keys);
        Assert.All(result.Stages.Values, ms => Assert.True(ms > 0));
    }

    private static float[] Noise(int seed) => Noise(22050 * 3, seed);

    private static float[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }
}
