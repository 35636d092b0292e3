using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using MusicClustering.Audio;

namespace MusicClustering.Learning;

/// <summary>
/// Track embeddings from a user-supplied ONNX audio encoder (ONNX Runtime, CPU): a track's audio is cut into the
/// patches the options describe, run in batches, and the per-patch outputs pooled. Thread-safe: ONNX Runtime
/// sessions may run concurrently.
/// </summary>
public sealed class OnnxEmbedder : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly string _outputName;
    private readonly MfccExtractor? _logMel;

    public OnnxEmbedder(byte[] model, OnnxEmbedderOptions options)
    {
        options.Validate();
        Options = options;
        try
        {
            _session = new InferenceSession(model);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new InvalidDataException($"Not a model ONNX Runtime can load: {ex.Message}", ex);
        }

        _inputName = Pick(options.InputName, _session.InputMetadata.Keys, "input");
        _outputName = Pick(options.OutputName, _session.OutputMetadata.Keys, "output");
        _logMel = options.Input == OnnxInputKind.LogMel ? new MfccExtractor(options.MelOptions()) : null;
    }

    public OnnxEmbedderOptions Options { get; }

    public static OnnxEmbedder FromFile(string path, OnnxEmbedderOptions options) => new(File.ReadAllBytes(path), options);

    /// <summary>Decodes an audio file (mono, resampled to the model's rate) and embeds it.</summary>
    public float[] EmbedFile(string path) => Embed(AudioLoader.LoadMonoFile(path, Options.SampleRate, minSamples: 1));

    /// <summary>The embedding of one track given as mono samples at <see cref="OnnxEmbedderOptions.SampleRate"/>.</summary>
    public float[] Embed(float[] mono)
    {
        var patches = Patches(mono);
        TrackPooling? pooling = null;
        foreach (var batch in patches.Chunk(Options.BatchSize))
        {
            var (outputs, width) = Run(batch);
            pooling ??= new TrackPooling(1, width, Options.Pooling);
            for (var i = 0; i < batch.Length; i++)
            {
                pooling.Add(0, outputs.AsSpan(i * width, width));
            }
        }

        return pooling!.Result();
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Each patch's values in the model's axis order (without the batch axis).</summary>
    private List<float[]> Patches(float[] mono)
    {
        var o = Options;
        var patches = new List<float[]>();
        if (_logMel is null)
        {
            for (var start = 0; start == 0 || start + o.PatchLength <= mono.Length; start += o.EffectiveHop)
            {
                var patch = new float[o.PatchLength];
                mono.AsSpan(start, Math.Min(o.PatchLength, mono.Length - start)).CopyTo(patch);
                patches.Add(Normalize(patch));
            }

            return patches;
        }

        var spectrogram = _logMel.ComputeLogMel(mono);
        var floor = spectrogram.Values.Min();
        var framesFirst = o.Layout is OnnxInputLayout.BatchFramesMels or OnnxInputLayout.BatchChannelFramesMels;
        for (var start = 0; start == 0 || start + o.PatchLength <= spectrogram.Frames; start += o.EffectiveHop)
        {
            var patch = new float[o.Mels * o.PatchLength];
            for (var band = 0; band < o.Mels; band++)
            {
                for (var f = 0; f < o.PatchLength; f++)
                {
                    var frame = start + f;
                    var value = frame < spectrogram.Frames ? spectrogram[band, frame] : floor;
                    patch[framesFirst ? (f * o.Mels) + band : (band * o.PatchLength) + f] = Scale(value);
                }
            }

            patches.Add(Normalize(patch));
        }

        return patches;
    }

    private float Scale(float decibels) =>
        Options.LogScale == OnnxLogScale.NaturalLog ? (float)(decibels * Math.Log(10) / 10) : decibels;

    private float[] Normalize(float[] patch)
    {
        for (var i = 0; i < patch.Length; i++)
        {
            patch[i] = (float)((patch[i] * Options.InputScale) + Options.InputOffset);
        }

        return patch;
    }

    /// <summary>Runs one batch; returns [count × width] row-major, middle axes averaged.</summary>
    private (float[] Outputs, int Width) Run(float[][] batch)
    {
        var o = Options;
        int[] shape = o.Layout switch
        {
            OnnxInputLayout.BatchSamples => [batch.Length, o.PatchLength],
            OnnxInputLayout.BatchChannelSamples => [batch.Length, 1, o.PatchLength],
            OnnxInputLayout.BatchChannelMelsFrames => [batch.Length, 1, o.Mels, o.PatchLength],
            OnnxInputLayout.BatchMelsFrames => [batch.Length, o.Mels, o.PatchLength],
            OnnxInputLayout.BatchFramesMels => [batch.Length, o.PatchLength, o.Mels],
            _ => [batch.Length, 1, o.PatchLength, o.Mels],
        };
        var input = new DenseTensor<float>(batch.SelectMany(p => p).ToArray(), shape);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_inputName, input)], [_outputName]);
        var output = results.Single().AsTensor<float>();
        var dimensions = output.Dimensions.ToArray();
        if (dimensions.Length < 2 || dimensions[0] != batch.Length)
        {
            throw new InvalidDataException($"The model's output {_outputName} has shape [{string.Join(", ", dimensions)}]; expected [{batch.Length}, …, D].");
        }

        var width = dimensions[^1];
        var middle = dimensions.Length == 2 ? 1 : dimensions[1..^1].Aggregate(1, (a, b) => a * b);
        var values = output.ToArray();
        var pooled = new float[batch.Length * width];
        for (var n = 0; n < batch.Length; n++)
        {
            for (var m = 0; m < middle; m++)
            {
                for (var d = 0; d < width; d++)
                {
                    pooled[(n * width) + d] += values[(((n * middle) + m) * width) + d] / middle;
                }
            }
        }

        return (pooled, width);
    }

    private static string Pick(string? requested, IEnumerable<string> available, string what)
    {
        var names = available.ToList();
        if (requested is null)
        {
            return names.Count > 0 ? names[0] : throw new InvalidDataException($"The ONNX model has no {what}.");
        }

        return names.Contains(requested)
            ? requested
            : throw new ArgumentException($"The ONNX model has no {what} named {requested} (it has {string.Join(", ", names)}).");
    }
}
