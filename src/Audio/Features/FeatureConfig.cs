using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MusicClustering.Audio;

/// <summary>
/// A named feature configuration: <c>stats</c> (default), <c>stats+delta</c>, <c>frames:N</c> or <c>csv</c>,
/// together with the MFCC options it is computed with (part of <see cref="CacheKey"/>).
/// </summary>
public sealed record FeatureConfig
{
    /// <summary>Frame count of the published study's input (130 frames ≈ 3.04 s → 2600 values).</summary>
    public const int StudyFrameCount = 130;

    /// <summary>Width of the librosa-style delta window used by <see cref="FeatureKind.StatsDelta"/>.</summary>
    public const int DeltaWidth = 9;

    public FeatureConfig(FeatureKind kind, int frameCount = 0, MfccOptions? mfcc = null)
    {
        if (kind == FeatureKind.Frames && frameCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frameCount), "frames:N needs N ≥ 1.");
        }

        Kind = kind;
        FrameCount = kind == FeatureKind.Frames ? frameCount : 0;
        Mfcc = mfcc ?? new MfccOptions();
    }

    public static FeatureConfig Default { get; } = new(FeatureKind.Stats);

    public FeatureKind Kind { get; }

    /// <summary>N of <c>frames:N</c>; 0 for other kinds.</summary>
    public int FrameCount { get; }

    public MfccOptions Mfcc { get; init; }

    /// <summary>True for <c>csv</c>: vectors come from an imported table, not from audio.</summary>
    public bool IsImported => Kind == FeatureKind.Csv;

    /// <summary>Short stable hex key (SHA-256 prefix) over the canonical name and every MFCC option.</summary>
    public string CacheKey
    {
        get
        {
            var text = $"{this}|{Mfcc.ToCanonicalString()}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>
    /// Parses <c>stats</c>, <c>stats+delta</c>, <c>frames:N</c> or <c>csv</c> (case-insensitive, blanks ignored).
    /// Throws <see cref="FormatException"/> with the accepted forms otherwise.
    /// </summary>
    public static FeatureConfig Parse(string name, MfccOptions? mfcc = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        switch (text)
        {
            case "" or "stats":
                return new FeatureConfig(FeatureKind.Stats, 0, mfcc);
            case "stats+delta" or "stats+deltas":
                return new FeatureConfig(FeatureKind.StatsDelta, 0, mfcc);
            case "csv":
                return new FeatureConfig(FeatureKind.Csv, 0, mfcc);
        }

        if (text.StartsWith("frames:", StringComparison.Ordinal)
            && int.TryParse(text.AsSpan("frames:".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var frames)
            && frames > 0)
        {
            return new FeatureConfig(FeatureKind.Frames, frames, mfcc);
        }

        throw new FormatException($"Unknown feature configuration '{name}'. Use 'stats', 'stats+delta', 'frames:N' (N ≥ 1, e.g. frames:130) or 'csv'.");
    }

    /// <summary>Tries <see cref="Parse"/>; false on an unknown name.</summary>
    public static bool TryParse(string name, out FeatureConfig? config)
    {
        try
        {
            config = Parse(name);
            return true;
        }
        catch (FormatException)
        {
            config = null;
            return false;
        }
    }

    /// <summary>Vector length for <paramref name="nMfcc"/> coefficients; csv dimensions come from the imported table.</summary>
    public int Dimension(int nMfcc) => Kind switch
    {
        FeatureKind.Stats => 2 * nMfcc,
        FeatureKind.StatsDelta => 4 * nMfcc,
        FeatureKind.Frames => nMfcc * FrameCount,
        _ => throw new InvalidOperationException("The dimension of 'csv' features is defined by the imported table."),
    };

    /// <summary>Vector length for this config's own <see cref="MfccOptions.NMfcc"/>.</summary>
    public int Dimension() => Dimension(Mfcc.NMfcc);

    /// <summary>Canonical name: stats, stats+delta, frames:N or csv.</summary>
    public override string ToString() => Kind switch
    {
        FeatureKind.Stats => "stats",
        FeatureKind.StatsDelta => "stats+delta",
        FeatureKind.Frames => string.Create(CultureInfo.InvariantCulture, $"frames:{FrameCount}"),
        _ => "csv",
    };
}
