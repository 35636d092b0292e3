namespace MusicClustering.Audio;

/// <summary>
/// Every descriptor of one signal (or segment), named as librosa and <c>descriptors_ref.py</c> name them: the
/// frame-wise matrices in <see cref="Names"/> order, the tempo, and the mean and variance of the harmonic and
/// percussive signals (null when HPSS was not asked for). <see cref="TimeRms"/> is <c>rms(y=y)</c> with the pass's pad
/// mode: the GTZAN table's rms columns, which differ from the spectral <c>rms(S=S)</c> of the reference files.
/// <see cref="BeatTempo"/> (when asked for) is <c>beat.beat_track</c>'s tempo, which aggregates the onset envelope by
/// the median: the table's tempo column (librosa.feature.tempo of the mean envelope differs on 2 of the 10 clips).
/// </summary>
public sealed record DescriptorSet(
    IReadOnlyList<DescriptorMatrix> Matrices,
    double[]? TimeRms,
    double Tempo,
    double? BeatTempo,
    FrameStatistics? Harmony,
    FrameStatistics? Perceptr,
    int Samples,
    int SampleRate)
{
    public const string Chroma = "chroma_stft";
    public const string Contrast = "spectral_contrast";
    public const string Centroid = "spectral_centroid";
    public const string Bandwidth = "spectral_bandwidth";
    public const string Rolloff = "spectral_rolloff";
    public const string Flatness = "spectral_flatness";
    public const string ZeroCrossingRate = "zero_crossing_rate";
    public const string Rms = "rms";
    public const string Mfcc = "mfcc";
    public const string MfccDelta = "mfcc_delta";
    public const string Onset = "onset_strength";

    /// <summary>The frame-wise descriptors, in the reference files' order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Chroma, Contrast, Centroid, Bandwidth, Rolloff, Flatness, ZeroCrossingRate, Rms, Mfcc, MfccDelta, Onset];

    public DescriptorMatrix this[string name] => Matrices.First(m => m.Name == name);

    public int Frames => Matrices.Count == 0 ? 0 : Matrices[0].Frames;

    public double Seconds => (double)Samples / SampleRate;
}
