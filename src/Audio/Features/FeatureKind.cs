namespace MusicClustering.Audio;

/// <summary>How a track becomes a fixed-length vector.</summary>
public enum FeatureKind
{
    /// <summary>Mean and std of each MFCC (2 × n_mfcc = 40).</summary>
    Stats,

    /// <summary>Stats plus mean and std of width-9 deltas (4 × n_mfcc = 80).</summary>
    StatsDelta,

    /// <summary>First N frames flattened coefficient-major, zero-padded (n_mfcc × N).</summary>
    Frames,

    /// <summary>The 57 columns of the GTZAN features_30_sec.csv (reflect padding by default).</summary>
    Gtzan57,

    /// <summary>Mean and std of every descriptor row, the tempo and the HPSS statistics (137).</summary>
    Descriptors,

    /// <summary>Features imported from a CSV table; not computed from audio here.</summary>
    Csv,
}
