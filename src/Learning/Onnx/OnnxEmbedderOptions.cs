using MusicClustering.Audio;

namespace MusicClustering.Learning;

/// <summary>What a user-supplied ONNX model takes: the raw waveform, or a log-mel spectrogram computed here.</summary>
public enum OnnxInputKind
{
    Waveform,
    LogMel,
}

/// <summary>The model input's axes (N = the batch of patches, S = samples, M = mel bands, T = frames).</summary>
public enum OnnxInputLayout
{
    /// <summary>[N, S]</summary>
    BatchSamples,

    /// <summary>[N, 1, S]</summary>
    BatchChannelSamples,

    /// <summary>[N, 1, M, T] (image-like, channels first)</summary>
    BatchChannelMelsFrames,

    /// <summary>[N, M, T]</summary>
    BatchMelsFrames,

    /// <summary>[N, T, M]</summary>
    BatchFramesMels,

    /// <summary>[N, 1, T, M]</summary>
    BatchChannelFramesMels,
}

/// <summary>How log-mel values are scaled before the model sees them.</summary>
public enum OnnxLogScale
{
    /// <summary>librosa's <c>power_to_db</c> (10·log10, ref 1, amin 1e-10, clipped at <see cref="OnnxEmbedderOptions.TopDb"/> below the maximum).</summary>
    Decibels,

    /// <summary>Natural log of the mel power, ln(max(p, 1e-10)): decibels × ln(10)/10 without top-dB clipping.</summary>
    NaturalLog,
}

/// <summary>
/// Describes a user-supplied ONNX audio encoder's input, so tracks can be cut into the patches it expects. A track
/// (mono, resampled to <see cref="SampleRate"/>) is cut into patches of <see cref="PatchLength"/> samples (waveform)
/// or frames (log-mel) every <see cref="PatchHop"/>; a track shorter than one patch is padded (zeros, or the
/// spectrogram's minimum). Each patch's output is averaged over every axis between the batch axis and the last one,
/// and a track's embedding pools its patches.
/// </summary>
public sealed record OnnxEmbedderOptions
{
    public OnnxInputKind Input { get; init; } = OnnxInputKind.LogMel;

    public OnnxInputLayout Layout { get; init; } = OnnxInputLayout.BatchChannelMelsFrames;

    public int SampleRate { get; init; } = 22050;

    /// <summary>Log-mel: FFT size and Hann window length in samples.</summary>
    public int WindowLength { get; init; } = 2048;

    /// <summary>Log-mel: hop between frames in samples.</summary>
    public int HopLength { get; init; } = 512;

    public int Mels { get; init; } = 128;

    public double FMin { get; init; }

    /// <summary>Null = SampleRate / 2.</summary>
    public double? FMax { get; init; }

    /// <summary>2 = power spectrogram, 1 = magnitude.</summary>
    public double Power { get; init; } = 2;

    public OnnxLogScale LogScale { get; init; } = OnnxLogScale.Decibels;

    /// <summary>Decibels only: clip this far below the track's maximum; null = no clipping.</summary>
    public double? TopDb { get; init; } = 80;

    /// <summary>Affine normalisation applied last: value × InputScale + InputOffset (e.g. a model's (x − mean)/std).</summary>
    public double InputScale { get; init; } = 1;

    public double InputOffset { get; init; }

    /// <summary>Patch length: samples for a waveform model, frames for a log-mel model.</summary>
    public int PatchLength { get; init; } = 128;

    /// <summary>Hop between patches in the same unit; 0 = PatchLength (no overlap).</summary>
    public int PatchHop { get; init; }

    /// <summary>Patches per inference call; 1 for models exported with a fixed batch of one.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>The model's input and output names; null = the first of each.</summary>
    public string? InputName { get; init; }

    public string? OutputName { get; init; }

    public PatchPooling Pooling { get; init; } = PatchPooling.Mean;

    public int EffectiveHop => PatchHop > 0 ? PatchHop : PatchLength;

    public void Validate()
    {
        var waveformLayout = Layout is OnnxInputLayout.BatchSamples or OnnxInputLayout.BatchChannelSamples;
        if ((Input == OnnxInputKind.Waveform) != waveformLayout)
        {
            throw new ArgumentException($"Invalid ONNX options: layout {Layout} does not fit a {Input} input.");
        }

        if (SampleRate <= 0 || PatchLength <= 0 || PatchHop < 0 || BatchSize <= 0 || InputScale == 0)
        {
            throw new ArgumentException("Invalid ONNX options: sample rate, patch length and batch size must be positive, the hop not negative, the scale not zero.");
        }

        if (Input == OnnxInputKind.LogMel)
        {
            MelOptions().Validate();
        }
    }

    /// <summary>The log-mel front end (librosa semantics: centred frames, Slaney mel filters).</summary>
    internal MfccOptions MelOptions() => new()
    {
        SampleRate = SampleRate,
        NFft = WindowLength,
        HopLength = HopLength,
        NMels = Mels,
        NMfcc = 1,
        FMin = FMin,
        FMax = FMax,
        Power = Power,
        TopDb = LogScale == OnnxLogScale.Decibels ? TopDb : null,
    };
}
