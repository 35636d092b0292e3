namespace MusicClustering.Audio.Tests;

/// <summary>Quality of the band-limited resampler (resampy kaiser_best algorithm and filter).</summary>
public sealed class ResamplerTests(ITestOutputHelper output)
{
    [Fact]
    public void Passband_tone_keeps_amplitude_within_0_point_1_db()
    {
        var gainDb = ToneGainDb(1000, 44100, 22050);
        output.WriteLine($"1 kHz 44.1→22.05 kHz: {gainDb:F5} dB");
        Assert.InRange(gainDb, -0.1, 0.1);
    }

    [Fact]
    public void Tone_above_target_nyquist_is_attenuated_at_least_60_db()
    {
        var gainDb = ToneGainDb(15000, 44100, 22050);
        output.WriteLine($"15 kHz 44.1→22.05 kHz: {gainDb:F1} dB");
        Assert.True(gainDb <= -60, $"15 kHz leaked at {gainDb:F1} dB");
    }

    [Fact]
    public void Non_integer_ratio_and_upsampling_keep_passband()
    {
        var down = ToneGainDb(3000, 48000, 22050);
        var up = ToneGainDb(3000, 22050, 44100);
        output.WriteLine($"3 kHz 48→22.05 kHz: {down:F5} dB; 22.05→44.1 kHz: {up:F5} dB");
        Assert.InRange(down, -0.1, 0.1);
        Assert.InRange(up, -0.1, 0.1);
    }

    /// <summary>Figures quoted in src/Audio/Resampling/README.md: ripple up to 0.8 × target Nyquist, rejection beyond 1.1 ×.</summary>
    [Fact]
    public void Passband_ripple_and_stopband_attenuation()
    {
        double ripple = 0;
        for (var f = 100.0; f <= 0.8 * 11025; f += 441)
        {
            ripple = Math.Max(ripple, Math.Abs(ToneGainDb(f, 44100, 22050)));
        }

        double worstStop = double.NegativeInfinity;
        for (var f = 1.1 * 11025; f < 22000; f += 523)
        {
            worstStop = Math.Max(worstStop, ToneGainDb(f, 44100, 22050));
        }

        output.WriteLine($"passband ripple ≤ {ripple:E2} dB (0.1–8.8 kHz), stopband ≤ {worstStop:F1} dB (≥ 12.1 kHz)");
        Assert.True(ripple < 0.01, $"ripple {ripple} dB");
        Assert.True(worstStop < -80, $"stopband {worstStop} dB");
    }

    [Theory]
    [InlineData(44100, 22050)]
    [InlineData(48000, 22050)]
    [InlineData(22050, 44100)]
    [InlineData(8000, 22050)]
    public void Polyphase_form_matches_resampy_loop(int from, int to)
    {
        var random = new Random(from + to);
        var x = Enumerable.Range(0, 5000).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var gcd = (int)System.Numerics.BigInteger.GreatestCommonDivisor(from, to);

        var fast = Resampler.ResamplePolyphase(x, from / gcd, to / gcd, ResamplingFilter.KaiserBest);
        var direct = Resampler.ResampleDirect(x, from, to, ResamplingFilter.KaiserBest);

        Assert.Equal(direct.Length, fast.Length);
        var worst = direct.Zip(fast).Max(p => Math.Abs(p.First - p.Second));
        Assert.True(worst < 1e-6, $"max |polyphase − direct| = {worst:E2}");
    }

    [Fact]
    public void Equal_rates_are_identity()
    {
        var x = new[] { 0.1f, -0.2f, 0.3f };
        Assert.Equal(x, Resampler.Resample(x, 22050, 22050));
    }

    [Fact]
    public void Output_length_is_ceiling_like_librosa()
    {
        Assert.Equal(66150, Resampler.Resample(new float[132300], 44100, 22050).Length);
        Assert.Equal(22050, Resampler.Resample(new float[48000], 48000, 22050).Length);
        Assert.Equal(4, Resampler.Resample(new float[7], 44100, 22050).Length);
    }

    /// <summary>RMS gain of a 1 s tone measured away from the edges, in dB.</summary>
    private static double ToneGainDb(double frequency, int from, int to)
    {
        var input = new float[from];
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / from));
        }

        var result = Resampler.Resample(input, from, to);
        var skip = to / 10;
        double sum = 0;
        for (var i = skip; i < result.Length - skip; i++)
        {
            sum += result[i] * (double)result[i];
        }

        var rms = Math.Sqrt(sum / (result.Length - (2 * skip)));
        return 20 * Math.Log10(Math.Max(rms, 1e-20) / (0.5 / Math.Sqrt(2)));
    }
}
