using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>
/// One STFT pass over a signal: frames are loaded a batch at a time (one frame per SIMD lane), windowed, transformed
/// and handed to every sink. Frames that reach into the centre padding are transformed a second time with zero padding
/// for the sinks that follow a zero-padding librosa function while the pass itself pads by reflection.
/// </summary>
internal static class SpectralPass
{
    public static int Run(StftPlan plan, ReadOnlySpan<float> signal, PadMode padMode, IReadOnlyList<ISpectrumSink> sinks, SpectralScratch scratch, StageTimes? times = null)
    {
        var frames = plan.FrameCount(signal.Length);
        var batches = StftPlan.BatchCount(frames);
        var lanes = BatchedRealFft.Lanes;
        var padded = new PaddedSignal(signal, plan.Pad);
        var mainComplex = false;
        var zeroComplex = false;
        var anyZero = false;
        foreach (var sink in sinks)
        {
            var separate = sink.ZeroPadded && padMode != PadMode.Constant;
            anyZero |= separate;
            zeroComplex |= separate && sink.NeedsComplex;
            mainComplex |= sink.NeedsComplex;
        }

        for (var batch = 0; batch < batches; batch++)
        {
            var first = batch * lanes * plan.HopLength;
            var valid = Math.Min(lanes, frames - (batch * lanes));
            var edge = !padded.IsInside(first, plan.BatchSpan);
            Transform(plan, padded.Window(first, plan.BatchSpan, padMode, scratch.Edge), mainComplex, scratch, times);
            foreach (var sink in sinks)
            {
                if (!(edge && sink.ZeroPadded && padMode != PadMode.Constant))
                {
                    Feed(sink, new BatchInfo(batch, valid, edge), scratch.Spectrum, times);
                }
            }

            if (edge && anyZero)
            {
                Transform(plan, padded.Window(first, plan.BatchSpan, PadMode.Constant, scratch.Edge), zeroComplex, scratch, times);
                foreach (var sink in sinks)
                {
                    if (sink.ZeroPadded)
                    {
                        Feed(sink, new BatchInfo(batch, valid, edge), scratch.Spectrum, times);
                    }
                }
            }
        }

        return frames;
    }

    private static void Feed(ISpectrumSink sink, BatchInfo batch, SpectrumBatch spectrum, StageTimes? times)
    {
        var start = Stopwatch.GetTimestamp();
        sink.Accept(spectrum, batch);
        times?.Add(sink.GetType().Name, start);
    }

    private static void Transform(StftPlan plan, ReadOnlySpan<float> source, bool complex, SpectralScratch scratch, StageTimes? times)
    {
        var fft = plan.Fft;
        var spectrum = scratch.Spectrum;
        spectrum.Reset();
        var t0 = Stopwatch.GetTimestamp();
        if (!fft.IsPowerOfTwo)
        {
            FrameBatchLoader.LoadInOrder(source, 0, plan.HopLength, plan.Window, scratch.Frame);
            times?.Add(StageTimes.Framing, t0);
            var t1 = Stopwatch.GetTimestamp();
            fft.Transform(scratch.Frame, scratch.Zr, scratch.Zi, spectrum.Re, spectrum.Im);
            Power(spectrum);
            times?.Add(StageTimes.Fft, t1);
            return;
        }

        if (times is null)
        {
            fft.ForwardFrames(source, plan.HopLength, plan.Window, scratch.Zr, scratch.Zi);
        }
        else
        {
            // Timed runs keep framing and FFT apart, to report them as stages.
            FrameBatchLoader.LoadEvenOdd(source, 0, plan.HopLength, plan.Window, scratch.Zr, scratch.Zi);
            times.Add(StageTimes.Framing, t0);
            var t2 = Stopwatch.GetTimestamp();
            fft.Forward(scratch.Zr, scratch.Zi);
            times.Add(StageTimes.Fft, t2);
        }

        var t3 = Stopwatch.GetTimestamp();
        if (complex)
        {
            fft.Split(scratch.Zr, scratch.Zi, spectrum.Re, spectrum.Im);
            Power(spectrum);
        }
        else
        {
            fft.SplitPower(scratch.Zr, scratch.Zi, spectrum.Power);
        }

        times?.Add(StageTimes.Power, t3);
    }

    private static void Power(SpectrumBatch spectrum)
    {
        var re = spectrum.Re;
        var im = spectrum.Im;
        var power = spectrum.Power;
        for (var k = 0; k < power.Length; k++)
        {
            power[k] = (re[k] * re[k]) + (im[k] * im[k]);
        }
    }
}
