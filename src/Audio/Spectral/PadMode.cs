namespace MusicClustering.Audio;

/// <summary>How the signal is extended by n_fft/2 on each side when <see cref="MfccOptions.Center"/> is set.</summary>
public enum PadMode
{
    /// <summary>Zeros (librosa ≥ 0.10 default).</summary>
    Constant,

    /// <summary>Mirror without repeating the edge sample, numpy 'reflect' (librosa &lt; 0.10 default; reproduces GTZAN features).</summary>
    Reflect,
}
