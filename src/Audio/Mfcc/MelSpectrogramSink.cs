using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Project(ReadOnlySpan<Vector<float>> power, Span<Vector<float>> mel)
    {
        for (var m = 0; m < mel.Length; m++)
        {
            var weights = _mel.Weights[m];
            var bins = power.Slice(_mel.Starts[m], weights.Length);
            var acc = Vector<float>.Zero;
            for (var j = 0; j < weights.Length; j++)
            {
                acc = Fused.MulAdd(bins[j], new Vector<float>(weights[j]), acc);
            }

            mel[m] = acc;
        }
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
            var db = (Vector.Log(Vector.Max(mel[m], amin)) * scale) - reference;
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
