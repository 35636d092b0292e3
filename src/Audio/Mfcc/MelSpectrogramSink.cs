using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MusicClustering.Audio;

/// <summary>
/// <c>power_to_db(melspectrogram(S=|X|^power))</c> batch by batch (sparse Slaney projection, float32 like librosa's
/// sgemm), stored batch-major with one frame per lane. The top_db floor needs the maximum of the whole matrix, so
/// values are stored unclipped with each batch's maximum; readers clip. An <c>edgeOnly</c> sink keeps only the batches
/// that touch the padding: onset_strength's zero-padded frames beside a reflect-padded pass.
/// </summary>
internal sealed class MelSpectrogramSink : ISpectrumSink
{
    private readonly MelFilterbank _mel;
    private readonly MfccOptions _options;
    private readonly float _refDb;
    private readonly bool _edgeOnly;
    private readonly StageTimes? _times;

    public MelSpectrogramSink(MelFilterbank mel, MfccOptions options, int batches, string slot, bool edgeOnly = false, StageTimes? times = null)
    {
        _mel = mel;
        _options = options;
        _refDb = (float)(10 * Math.Log10(Math.Max(options.Amin, options.RefPower)));
        _edgeOnly = edgeOnly;
        _times = times;
        Batches = batches;
        Values = WorkArrays.Current.Get<Vector<float>>(slot, batches * mel.Count);
        BatchMax = WorkArrays.Current.Get<float>(slot + ".max", batches);
        BatchMax.AsSpan(0, batches).Fill(float.NegativeInfinity);
    }

    public bool NeedsComplex => false;

    public bool ZeroPadded => _edgeOnly;

    public int Bands => _mel.Count;

    public int Batches { get; }

    /// <summary>Unclipped dB values, [batch][band] vectors (lane = frame).</summary>
    public Vector<float>[] Values { get; }

    /// <summary>Maximum over each batch's valid frames (−∞ for batches an edge-only sink skipped).</summary>
    public float[] BatchMax { get; }

    public float Max
    {
        get
        {
            var max = float.NegativeInfinity;
            for (var b = 0; b < Batches; b++)
            {
                max = Math.Max(max, BatchMax[b]);
            }

            return max;
        }
    }

    public void Accept(SpectrumBatch spectrum, BatchInfo batch)
    {
        if (_edgeOnly && !batch.Edge)
        {
            return;
        }

        var t0 = Stopwatch.GetTimestamp();
        var output = Values.AsSpan(batch.Index * _mel.Count, _mel.Count);
        Project(spectrum.Raised(_options.Power), output);
        var t1 = Stopwatch.GetTimestamp();
        BatchMax[batch.Index] = MaxOfLanes(ToDecibels(output), batch.ValidLanes); // lanes past the last frame do not count
        _times?.Add(MfccStages.Mel, t0, t1);
        _times?.Add(MfccStages.Log, t1);
    }

    // Each band's sum is one FMA chain in bin order (latency-bound), so bands go four at a time to keep four chains in
    // flight; every band still sums its bins in the same order, so the grouping does not change the result.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Project(ReadOnlySpan<Vector<float>> power, Span<Vector<float>> mel)
    {
        var m = 0;
        for (; m + 3 < mel.Length; m += 4)
        {
            var w0 = _mel.Weights[m];
            var w1 = _mel.Weights[m + 1];
            var w2 = _mel.Weights[m + 2];
            var w3 = _mel.Weights[m + 3];
            var common = Math.Min(Math.Min(w0.Length, w1.Length), Math.Min(w2.Length, w3.Length));
            ref var p0 = ref Bins(power, m, w0.Length);
            ref var p1 = ref Bins(power, m + 1, w1.Length);
            ref var p2 = ref Bins(power, m + 2, w2.Length);
            ref var p3 = ref Bins(power, m + 3, w3.Length);
            var a0 = Vector<float>.Zero;
            var a1 = Vector<float>.Zero;
            var a2 = Vector<float>.Zero;
            var a3 = Vector<float>.Zero;
            for (var j = 0; j < common; j++)
            {
                a0 = Fused.MulAdd(Unsafe.Add(ref p0, j), new Vector<float>(w0[j]), a0);
                a1 = Fused.MulAdd(Unsafe.Add(ref p1, j), new Vector<float>(w1[j]), a1);
                a2 = Fused.MulAdd(Unsafe.Add(ref p2, j), new Vector<float>(w2[j]), a2);
                a3 = Fused.MulAdd(Unsafe.Add(ref p3, j), new Vector<float>(w3[j]), a3);
            }

            mel[m] = Tail(ref p0, w0, common, a0);
            mel[m + 1] = Tail(ref p1, w1, common, a1);
            mel[m + 2] = Tail(ref p2, w2, common, a2);
            mel[m + 3] = Tail(ref p3, w3, common, a3);
        }

        for (; m < mel.Length; m++)
        {
            var weights = _mel.Weights[m];
            mel[m] = Tail(ref Bins(power, m, weights.Length), weights, 0, Vector<float>.Zero);
        }
    }

    // Band m's bins (bounds-checked once here; the loops index within weights.Length).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Vector<float> Bins(ReadOnlySpan<Vector<float>> power, int m, int count) =>
        ref MemoryMarshal.GetReference(power.Slice(_mel.Starts[m], count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> Tail(ref Vector<float> bins, float[] weights, int from, Vector<float> acc)
    {
        for (var j = from; j < weights.Length; j++)
        {
            acc = Fused.MulAdd(Unsafe.Add(ref bins, j), new Vector<float>(weights[j]), acc);
        }

        return acc;
    }

    // power_to_db in place; returns the per-lane maximum.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Vector<float> ToDecibels(Span<Vector<float>> mel)
    {
        var amin = new Vector<float>((float)_options.Amin);
        var scale = new Vector<float>((float)(10.0 / Math.Log(10.0)));
        var reference = new Vector<float>(_refDb);
        var max = new Vector<float>(float.NegativeInfinity);
        for (var m = 0; m < mel.Length; m++)
        {
            var db = (VectorLog.Natural(Vector.Max(mel[m], amin)) * scale) - reference;
            mel[m] = db;
            max = Vector.Max(max, db);
        }

        return max;
    }

    private static float MaxOfLanes(Vector<float> values, int count)
    {
        var result = float.NegativeInfinity;
        for (var i = 0; i < count; i++)
        {
            result = Math.Max(result, values[i]);
        }

        return result;
    }
}
