namespace MusicClustering.Audio;

/// <summary>How a track's MFCC matrix becomes a fixed-length vector.</summary>
public enum FeatureKind
{
    /// <summary>Mean and std of each coefficient (2 × n_mfcc).</summary>
    Stats,

    /// <summary>Stats plus mean and std of width-9 deltas (4 × n_mfcc).</summary>
    StatsDelta,

    /// <summary>First N frames flattened coefficient-major, zero-padded (n_mfcc × N).</summary>
    Frames,

    /// <summary>Features imported from a CSV table; not computed from audio here.</summary>
    Csv,
}
