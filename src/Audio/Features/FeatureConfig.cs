using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace MusicClustering.Audio;

/// <summary>
/// A named feature configuration, <c>name[:options]</c>: <c>stats</c>, <c>stats+delta</c>, <c>frames:N</c>,
/// <c>gtzan57</c>, <c>descriptors</c> or <c>csv</c>, with the MFCC options it is computed with and how long tracks
/// are cut: <c>segment_seconds=S</c> (default 30), <c>max_segments=M</c> (default all) and <c>max_seconds=L</c>
/// (default 4 h; judged from the header before decoding), e.g. <c>descriptors:segment_seconds=60,max_segments=4</c>.
/// Everything that changes the vector is part of <see cref="CacheKey"/>.
/// </summary>
public sealed record FeatureConfig
{
    /// <summary>Frame count of the published study's input (130 frames ≈ 3.04 s → 2600 values).</summary>
    public const int StudyFrameCount = 130;

    /// <summary>Width of the librosa-style delta window used by <see cref="FeatureKind.StatsDelta"/>.</summary>
    public const int DeltaWidth = 9;

    public const double DefaultSegmentSeconds = 30;

    /// <summary>Longest track analysed by default: four hours, judged from the header before decoding.</summary>
    public const double DefaultMaxSeconds = 4 * 3600;

    private const string Accepted = "Use 'stats', 'stats+delta', 'frames:N' (N ≥ 1, e.g. frames:130), 'gtzan57', 'descriptors' or 'csv', optionally followed by segment_seconds=S, max_segments=M, max_seconds=L (e.g. 'descriptors:max_segments=4').";

    public FeatureConfig(FeatureKind kind, int frameCount = 0, MfccOptions? mfcc = null)
    {
        if (kind == FeatureKind.Frames && frameCount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frameCount), "frames:N needs N ≥ 1.");
        }

        Kind = kind;
        FrameCount = kind == FeatureKind.Frames ? frameCount : 0;
        // gtzan57 reproduces the Kaggle table, which librosa < 0.10 computed with reflect padding.
        Mfcc = mfcc ?? (kind == FeatureKind.Gtzan57 ? MfccOptions.Gtzan : new MfccOptions());
    }

    /// <summary>The configuration <c>submit</c> and <c>study</c> use when none is given (chosen by measurement, see README).</summary>
    public static string DefaultName => "gtzan57";

    public static FeatureConfig Default { get; } = Parse(DefaultName);

    public FeatureKind Kind { get; }

    /// <summary>N of <c>frames:N</c>; 0 for other kinds.</summary>
    public int FrameCount { get; }

    public MfccOptions Mfcc { get; init; }

    /// <summary>Long tracks are analysed in segments of this length (a last remainder under half of it joins the last segment).</summary>
    public double SegmentSeconds { get; init; } = DefaultSegmentSeconds;

    /// <summary>Segments analysed per track, from the start; null for all.</summary>
    public int? MaxSegments { get; init; }

    /// <summary>Tracks the header declares (or decoding finds) longer than this fail with too_long.</summary>
    public double MaxSeconds { get; init; } = DefaultMaxSeconds;

    /// <summary>True for <c>csv</c>: vectors come from an imported table, not from audio.</summary>
    public bool IsImported => Kind == FeatureKind.Csv;

    /// <summary>Short stable hex key (SHA-256 prefix) over the canonical name (less max_seconds) and every MFCC option.</summary>
    public string CacheKey
    {
        get
        {
            var text = $"{Canonical(includeLimit: false)}|{Mfcc.ToCanonicalString()}";
            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
        }
    }

    /// <summary>The vector's blocks (descriptor groups) in order, for block-weighted standardisation.</summary>
    public IReadOnlyList<FeatureBlock> Layout => FeatureLayouts.For(this);

    /// <summary>Lengths of <see cref="Layout"/>'s blocks.</summary>
    public IReadOnlyList<int> BlockLengths => [.. Layout.Select(b => b.Length)];

    /// <summary>
    /// Parses a configuration name with optional options (case-insensitive, blanks ignored). Throws
    /// <see cref="FormatException"/> with the accepted forms otherwise.
    /// </summary>
    public static FeatureConfig Parse(string name, MfccOptions? mfcc = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var colon = text.IndexOf(':');
        var head = colon < 0 ? text : text[..colon];
        var arguments = colon < 0 ? [] : text[(colon + 1)..].Split(',');
        var config = head switch
        {
            "" or "stats" => new FeatureConfig(FeatureKind.Stats, 0, mfcc),
            "stats+delta" or "stats+deltas" => new FeatureConfig(FeatureKind.StatsDelta, 0, mfcc),
            "gtzan57" => new FeatureConfig(FeatureKind.Gtzan57, 0, mfcc),
            "descriptors" => new FeatureConfig(FeatureKind.Descriptors, 0, mfcc),
            "csv" when colon < 0 => new FeatureConfig(FeatureKind.Csv, 0, mfcc),
            "frames" when arguments.Length > 0 && PositiveInt(arguments[0]) is { } n => new FeatureConfig(FeatureKind.Frames, n, mfcc),
            _ => throw new FormatException($"Unknown feature configuration '{name}'. {Accepted}"),
        };

        foreach (var argument in config.Kind == FeatureKind.Frames ? arguments[1..] : arguments)
        {
            config = config.WithOption(argument, name);
        }

        return config;
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
        FeatureKind.Csv => throw new InvalidOperationException("The dimension of 'csv' features is defined by the imported table."),
        _ => FeatureLayouts.For(this, nMfcc).Sum(b => b.Length),
    };

    /// <summary>Vector length for this config's own <see cref="MfccOptions.NMfcc"/>.</summary>
    public int Dimension() => Dimension(Mfcc.NMfcc);

    /// <summary>Canonical name: the kind, then the options that differ from their defaults.</summary>
    public override string ToString() => Canonical(includeLimit: true);

    private string Canonical(bool includeLimit)
    {
        var options = new List<string>();
        if (Kind == FeatureKind.Frames)
        {
            options.Add(FrameCount.ToString(CultureInfo.InvariantCulture));
        }

        if (SegmentSeconds != DefaultSegmentSeconds)
        {
            options.Add(string.Create(CultureInfo.InvariantCulture, $"segment_seconds={SegmentSeconds:R}"));
        }

        if (MaxSegments is { } max)
        {
            options.Add(string.Create(CultureInfo.InvariantCulture, $"max_segments={max}"));
        }

        if (includeLimit && MaxSeconds != DefaultMaxSeconds)
        {
            options.Add(string.Create(CultureInfo.InvariantCulture, $"max_seconds={MaxSeconds:R}"));
        }

        var kind = Kind switch
        {
            FeatureKind.Stats => "stats",
            FeatureKind.StatsDelta => "stats+delta",
            FeatureKind.Frames => "frames",
            FeatureKind.Gtzan57 => "gtzan57",
            FeatureKind.Descriptors => "descriptors",
            _ => "csv",
        };
        return options.Count == 0 ? kind : $"{kind}:{string.Join(',', options)}";
    }

    private FeatureConfig WithOption(string argument, string text)
    {
        var equals = argument.IndexOf('=');
        var key = equals < 0 ? argument : argument[..equals];
        var value = equals < 0 ? string.Empty : argument[(equals + 1)..];
        return key switch
        {
            "segment_seconds" when PositiveDouble(value) is { } s => this with { SegmentSeconds = s },
            "max_segments" when PositiveInt(value) is { } m => this with { MaxSegments = m },
            "max_seconds" when PositiveDouble(value) is { } l => this with { MaxSeconds = l },
            _ => throw new FormatException($"Unknown or invalid option '{argument}' in feature configuration '{text}'. {Accepted}"),
        };
    }

    private static int? PositiveInt(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;

    private static double? PositiveDouble(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v > 0 ? v : null;
}
