using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>
/// All of <c>descriptors_ref.py</c>'s librosa 0.11 descriptors of a mono signal in one STFT pass: chroma_stft,
/// spectral_contrast, centroid, bandwidth, rolloff, flatness, rms, mfcc (and its width-9 delta) and onset_strength
/// read the same spectra batch by batch; zero_crossing_rate reads the waveform; tempo and HPSS finish from what the
/// pass kept. Pad mode, FFT size and hop come from <see cref="MfccOptions"/>; onset_strength and hpss pad with zeros
/// whatever the pad mode, as librosa's do. Thread-safe; scratch is per thread.
/// </summary>
public sealed class DescriptorExtractor
{
    private readonly MfccExtractor _mfcc;
    private readonly ContrastBands _bands;

    public DescriptorExtractor(MfccOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _mfcc = new MfccExtractor(options);
        if (options.NFft % options.HopLength != 0 || !_mfcc.Plan.Fft.IsPowerOfTwo)
        {
            throw new ArgumentException($"Descriptors need a power-of-two n_fft that is a multiple of the hop ({options.ToCanonicalString()}).");
        }

        _bands = ContrastBands.Create(options.SampleRate, options.NFft);
    }

    public MfccOptions Options => _mfcc.Options;

    /// <summary>
    /// The descriptors of <paramref name="signal"/>; <paramref name="hpss"/> adds the harmonic/percussive statistics,
    /// <paramref name="gtzanTable"/> also computes what only the GTZAN table needs: <see cref="DescriptorSet.BeatTempo"/>
    /// (beat_track's tempo, from the median-aggregated onset envelope) and <see cref="DescriptorSet.TimeRms"/>.
    /// </summary>
    public DescriptorSet Compute(ReadOnlySpan<float> signal, bool hpss = true, bool gtzanTable = false) => Compute(signal, hpss, null, gtzanTable);

    internal DescriptorSet Compute(ReadOnlySpan<float> signal, bool hpss, StageTimes? times, bool gtzanTable = false)
    {
        var o = Options;
        if (signal.Length < o.NFft)
        {
            throw new AudioFormatException(AudioFailureReasons.TooShort, $"Signal of {signal.Length} samples is shorter than one frame (n_fft = {o.NFft}).");
        }

        var plan = _mfcc.Plan;
        var frames = plan.FrameCount(signal.Length);
        var batches = StftPlan.BatchCount(frames);
        var mel = _mfcc.CreateSink(batches, "descriptors.mel", times: times);
        var onsetEdges = o.PadMode == PadMode.Constant ? null : _mfcc.CreateSink(batches, "descriptors.mel.zero", edgeOnly: true);
        var shape = new SpectralShapeSink(o.SampleRate, o.NFft, frames);
        var contrast = new ContrastSink(_bands, frames);
        var chroma = new ChromaSink(o.SampleRate, o.NFft, frames, batches);
        var separation = hpss ? new HpssSink(plan.Bins, batches) : null;
        List<ISpectrumSink> sinks = [mel, shape, contrast, chroma];
        if (onsetEdges is not null)
        {
            sinks.Add(onsetEdges);
        }

        if (separation is not null)
        {
            sinks.Add(separation);
        }

        SpectralPass.Run(plan, signal, o.PadMode, sinks, SpectralScratch.For(plan), times);

        var mfcc = _mfcc.Dct(mel, frames, times);
        var t0 = Stopwatch.GetTimestamp();
        var onset = OnsetStrength.Compute(mel, onsetEdges, frames, o.NFft, o.HopLength);
        var t1 = Stopwatch.GetTimestamp();
        times?.Add("onset", t0, t1);
        var tempo = TempoEstimator.Estimate(onset, o.SampleRate, o.HopLength);
        double? beat = gtzanTable
            ? TempoEstimator.Estimate(OnsetStrength.Compute(mel, onsetEdges, frames, o.NFft, o.HopLength, median: true), o.SampleRate, o.HopLength)
            : null;
        var t2 = Stopwatch.GetTimestamp();
        times?.Add("tempo", t1, t2);
        var chromaMatrix = chroma.Finish();
        var t3 = Stopwatch.GetTimestamp();
        times?.Add("chroma.finish", t2, t3);
        var contrastMatrix = contrast.Finish();
        var t4 = Stopwatch.GetTimestamp();
        times?.Add("contrast.finish", t3, t4);
        var zcr = TimeDomainFeatures.ZeroCrossingRate(signal, o.NFft, o.HopLength, frames);
        var timeRms = gtzanTable ? TimeDomainFeatures.Rms(signal, o.NFft, o.HopLength, frames, o.PadMode) : null;
        var t5 = Stopwatch.GetTimestamp();
        times?.Add("zcr+rms(y)", t4, t5);
        var delta = Deltas.Compute(mfcc);
        times?.Add("delta", t5);
        var (harmony, perceptr) = separation is null
            ? ((FrameStatistics?)null, (FrameStatistics?)null)
            : HarmonicPercussive.Separate(separation, plan, signal, frames, times);

        static DescriptorMatrix Row(string name, double[] values) => new(name, [values]);
        return new DescriptorSet(
            [
                chromaMatrix,
                contrastMatrix,
                Row(DescriptorSet.Centroid, shape.Centroid),
                Row(DescriptorSet.Bandwidth, shape.Bandwidth),
                Row(DescriptorSet.Rolloff, shape.Rolloff),
                Row(DescriptorSet.Flatness, shape.Flatness),
                Row(DescriptorSet.ZeroCrossingRate, zcr),
                Row(DescriptorSet.Rms, shape.Rms),
                DescriptorMatrix.FromMfcc(DescriptorSet.Mfcc, mfcc),
                DescriptorMatrix.FromMfcc(DescriptorSet.MfccDelta, delta),
                Row(DescriptorSet.Onset, onset),
            ],
            timeRms,
            tempo,
            beat,
            harmony,
            perceptr,
            signal.Length,
            o.SampleRate);
    }
}
