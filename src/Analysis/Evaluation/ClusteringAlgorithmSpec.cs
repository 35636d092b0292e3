using System.Globalization;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// One clustering algorithm to run: "kmeans" (NInit), "agglomerative" (Linkage) or "dbscan" (Eps, null = knee of the
/// k-distance curve; MinSamples). Parameter names in CLI strings follow sklearn (n_init, eps, min_samples).
/// </summary>
public sealed record ClusteringAlgorithmSpec(string Name)
{
    public const string KMeansName = "kmeans";
    public const string AgglomerativeName = "agglomerative";
    public const string DbscanName = "dbscan";

    /// <summary>Ward-linkage agglomerative clustering as a spec string, the study's Medium task.</summary>
    public const string AgglomerativeWard = $"{AgglomerativeName}:ward";

    public Linkage Linkage { get; init; } = Linkage.Ward;
    public double? Eps { get; init; }
    public int MinSamples { get; init; } = 5;
    public int NInit { get; init; } = 10;

    public static ClusteringAlgorithmSpec KMeans { get; } = new(KMeansName);
    public static ClusteringAlgorithmSpec Agglomerative(Linkage linkage = Linkage.Ward) => new(AgglomerativeName) { Linkage = linkage };
    public static ClusteringAlgorithmSpec Dbscan(double? eps = null, int minSamples = 5) => new(DbscanName) { Eps = eps, MinSamples = minSamples };

    /// <summary>Short display name, e.g. "kmeans", "agglomerative-ward", "dbscan(eps=auto)", "dbscan(eps=0.5,min_samples=3)".</summary>
    public string Label => Name switch
    {
        KMeansName => NInit == 10 ? KMeansName : $"{KMeansName}(n_init={NInit})",
        AgglomerativeName => $"{AgglomerativeName}-{Linkage.ToString().ToLowerInvariant()}",
        DbscanName => $"{DbscanName}(eps={(Eps is { } eps ? eps.ToString("R", CultureInfo.InvariantCulture) : "auto")}"
            + (MinSamples == 5 ? ")" : $",min_samples={MinSamples})"),
        _ => Name,
    };

    /// <summary>
    /// Parses "kmeans", "kmeans:n_init=4", "agglomerative" (ward), "agglomerative:average", "dbscan",
    /// "dbscan:eps=0.5,min_samples=5" or "dbscan:eps=auto". Case-insensitive.
    /// </summary>
    /// <exception cref="FormatException">Unknown algorithm, linkage or parameter, or a bad value.</exception>
    public static ClusteringAlgorithmSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string trimmed = text.Trim();
        int colon = trimmed.IndexOf(':');
        string name = (colon < 0 ? trimmed : trimmed[..colon]).Trim().ToLowerInvariant();
        string? arguments = colon < 0 ? null : trimmed[(colon + 1)..].Trim();
        return name switch
        {
            KMeansName => ParseKMeans(text, arguments),
            AgglomerativeName => ParseAgglomerative(text, arguments),
            DbscanName => ParseDbscan(text, arguments),
            _ => throw new FormatException(
                $"Unknown clustering algorithm '{name}' in '{text}'; expected {KMeansName}, {AgglomerativeName}[:ward|average|complete|single] or {DbscanName}[:eps=..,min_samples=..]."),
        };
    }

    private static ClusteringAlgorithmSpec ParseKMeans(string text, string? arguments)
    {
        var spec = KMeans;
        foreach (var (key, value) in Pairs(text, arguments))
        {
            spec = key switch
            {
                "n_init" => spec with { NInit = PositiveInt(text, key, value) },
                _ => throw UnknownParameter(text, key, "n_init"),
            };
        }
        return spec;
    }

    private static ClusteringAlgorithmSpec ParseAgglomerative(string text, string? arguments)
    {
        if (string.IsNullOrEmpty(arguments))
        {
            return Agglomerative();
        }
        string linkage = arguments.StartsWith("linkage=", StringComparison.OrdinalIgnoreCase) ? arguments["linkage=".Length..] : arguments;
        return Enum.TryParse(linkage.Trim(), ignoreCase: true, out Linkage parsed) && Enum.IsDefined(parsed) && !int.TryParse(linkage, out _)
            ? Agglomerative(parsed)
            : throw new FormatException($"Unknown linkage '{linkage}' in '{text}'; expected ward, average, complete or single.");
    }

    private static ClusteringAlgorithmSpec ParseDbscan(string text, string? arguments)
    {
        var spec = Dbscan();
        foreach (var (key, value) in Pairs(text, arguments))
        {
            spec = key switch
            {
                "eps" => spec with { Eps = value.Equals("auto", StringComparison.OrdinalIgnoreCase) ? null : PositiveDouble(text, key, value) },
                "min_samples" => spec with { MinSamples = PositiveInt(text, key, value) },
                _ => throw UnknownParameter(text, key, "eps, min_samples"),
            };
        }
        return spec;
    }

    private static IEnumerable<(string Key, string Value)> Pairs(string text, string? arguments)
    {
        if (string.IsNullOrEmpty(arguments))
        {
            yield break;
        }
        foreach (string part in arguments.Split(','))
        {
            int equals = part.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Expected name=value but found '{part.Trim()}' in '{text}'.");
            }
            yield return (part[..equals].Trim().ToLowerInvariant(), part[(equals + 1)..].Trim());
        }
    }

    private static int PositiveInt(string text, string key, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
            ? parsed
            : throw new FormatException($"{key} must be a positive integer but was '{value}' in '{text}'.");

    private static double PositiveDouble(string text, string key, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed) && double.IsFinite(parsed) && parsed > 0
            ? parsed
            : throw new FormatException($"{key} must be a positive number or 'auto' but was '{value}' in '{text}'.");

    private static FormatException UnknownParameter(string text, string key, string allowed) =>
        new($"Unknown parameter '{key}' in '{text}'; allowed: {allowed}.");
}
