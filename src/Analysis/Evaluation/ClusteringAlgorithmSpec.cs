using System.Globalization;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// One clustering algorithm to run: "kmeans" (NInit), "agglomerative" (Linkage), "dbscan" (Eps, null = knee of the
/// k-distance curve; MinSamples), "spectral" (NNeighbors, AssignLabels, NInit), "gmm" (CovarianceType, NInit, MaxIter,
/// Tol, RegCovar) or "minibatch-kmeans" (BatchSize, NInit, MaxIter). Parameter names in CLI strings follow sklearn
/// (n_init, eps, min_samples, n_neighbors, assign_labels, covariance_type, max_iter, tol, reg_covar, batch_size).
/// </summary>
public sealed record ClusteringAlgorithmSpec(string Name)
{
    public const string KMeansName = "kmeans";
    public const string AgglomerativeName = "agglomerative";
    public const string DbscanName = "dbscan";
    public const string SpectralName = "spectral";
    public const string GmmName = "gmm";
    public const string MiniBatchKMeansName = "minibatch-kmeans";

    /// <summary>Ward-linkage agglomerative clustering as a spec string, the study's Medium task.</summary>
    public const string AgglomerativeWard = $"{AgglomerativeName}:ward";

    public Linkage Linkage { get; init; } = Linkage.Ward;
    public double? Eps { get; init; }
    public int MinSamples { get; init; } = 5;
    public int NInit { get; init; } = 10;

    /// <summary>Spectral: kNN graph size counting the point itself (sklearn's n_neighbors).</summary>
    public int NNeighbors { get; init; } = 10;

    /// <summary>Spectral: "cluster_qr" or "kmeans".</summary>
    public string AssignLabels { get; init; } = SpectralOptions.ClusterQr;

    /// <summary>GMM: sklearn's covariance_type (default full).</summary>
    public CovarianceType CovarianceType { get; init; } = CovarianceType.Full;

    /// <summary>GMM (default 100) and mini-batch K-Means (default 100): max_iter.</summary>
    public int MaxIter { get; init; } = 100;

    /// <summary>GMM: convergence threshold on the mean log-likelihood.</summary>
    public double Tol { get; init; } = 1e-3;

    public double RegCovar { get; init; } = 1e-6;

    /// <summary>Mini-batch K-Means: batch_size.</summary>
    public int BatchSize { get; init; } = 1024;

    public static ClusteringAlgorithmSpec KMeans { get; } = new(KMeansName);
    public static ClusteringAlgorithmSpec Agglomerative(Linkage linkage = Linkage.Ward) => new(AgglomerativeName) { Linkage = linkage };
    public static ClusteringAlgorithmSpec Dbscan(double? eps = null, int minSamples = 5) => new(DbscanName) { Eps = eps, MinSamples = minSamples };
    public static ClusteringAlgorithmSpec Spectral { get; } = new(SpectralName);
    public static ClusteringAlgorithmSpec Gmm(CovarianceType covarianceType = CovarianceType.Full) => new(GmmName) { CovarianceType = covarianceType, NInit = 1 };
    public static ClusteringAlgorithmSpec MiniBatchKMeans { get; } = new(MiniBatchKMeansName) { NInit = 3 };

    /// <summary>Short display name, e.g. "kmeans", "agglomerative-ward", "dbscan(eps=auto)", "dbscan(eps=0.5,min_samples=3)".</summary>
    public string Label => Name switch
    {
        KMeansName => NInit == 10 ? KMeansName : $"{KMeansName}(n_init={NInit})",
        AgglomerativeName => $"{AgglomerativeName}-{Linkage.ToString().ToLowerInvariant()}",
        DbscanName => $"{DbscanName}(eps={(Eps is { } eps ? eps.ToString("R", CultureInfo.InvariantCulture) : "auto")}"
            + (MinSamples == 5 ? ")" : $",min_samples={MinSamples})"),
        SpectralName => WithParameters(SpectralName, Differences(Spectral)),
        GmmName => WithParameters($"{GmmName}-{CovarianceType.ToString().ToLowerInvariant()}", Differences(Gmm(CovarianceType))),
        MiniBatchKMeansName => WithParameters(MiniBatchKMeansName, Differences(MiniBatchKMeans)),
        _ => Name,
    };

    private IEnumerable<string> Differences(ClusteringAlgorithmSpec defaults)
    {
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        if (NNeighbors != defaults.NNeighbors)
        {
            yield return $"n_neighbors={NNeighbors}";
        }
        if (AssignLabels != defaults.AssignLabels)
        {
            yield return $"assign_labels={AssignLabels}";
        }
        if (NInit != defaults.NInit)
        {
            yield return $"n_init={NInit}";
        }
        if (MaxIter != defaults.MaxIter)
        {
            yield return $"max_iter={MaxIter}";
        }
        if (Tol != defaults.Tol)
        {
            yield return $"tol={F(Tol)}";
        }
        if (RegCovar != defaults.RegCovar)
        {
            yield return $"reg_covar={F(RegCovar)}";
        }
        if (BatchSize != defaults.BatchSize)
        {
            yield return $"batch_size={BatchSize}";
        }
    }

    private static string WithParameters(string name, IEnumerable<string> parameters) =>
        string.Join(",", parameters) is { Length: > 0 } joined ? $"{name}({joined})" : name;

    /// <summary>
    /// Parses "kmeans", "kmeans:n_init=4", "agglomerative" (ward), "agglomerative:average", "dbscan",
    /// "dbscan:eps=0.5,min_samples=5", "dbscan:eps=auto", "spectral:n_neighbors=15,assign_labels=kmeans",
    /// "gmm:covariance_type=diag,n_init=3", "minibatch-kmeans:batch_size=2048". Case-insensitive.
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
            SpectralName => ParseSpectral(text, arguments),
            GmmName => ParseGmm(text, arguments),
            MiniBatchKMeansName => ParseMiniBatch(text, arguments),
            _ => throw new FormatException(
                $"Unknown clustering algorithm '{name}' in '{text}'; expected {KMeansName}, {AgglomerativeName}[:ward|average|complete|single], "
                + $"{DbscanName}[:eps=..,min_samples=..], {SpectralName}[:n_neighbors=..,assign_labels=cluster_qr|kmeans], "
                + $"{GmmName}[:covariance_type=full|tied|diag|spherical,..] or {MiniBatchKMeansName}[:batch_size=..]."),
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

    private static ClusteringAlgorithmSpec ParseSpectral(string text, string? arguments)
    {
        var spec = Spectral;
        foreach (var (key, value) in Pairs(text, arguments))
        {
            spec = key switch
            {
                "n_neighbors" => spec with { NNeighbors = PositiveInt(text, key, value) is var k && k >= 2 ? k : throw new FormatException($"n_neighbors must be at least 2 in '{text}'.") },
                "assign_labels" => spec with { AssignLabels = value.ToLowerInvariant() is SpectralOptions.ClusterQr or SpectralOptions.KMeans
                    ? value.ToLowerInvariant()
                    : throw new FormatException($"assign_labels must be cluster_qr or kmeans but was '{value}' in '{text}'.") },
                "n_init" => spec with { NInit = PositiveInt(text, key, value) },
                _ => throw UnknownParameter(text, key, "n_neighbors, assign_labels, n_init"),
            };
        }
        return spec;
    }

    private static ClusteringAlgorithmSpec ParseGmm(string text, string? arguments)
    {
        var spec = Gmm();
        foreach (var (key, value) in Pairs(text, arguments))
        {
            spec = key switch
            {
                "covariance_type" => spec with { CovarianceType = Enum.TryParse(value, ignoreCase: true, out CovarianceType type) && Enum.IsDefined(type) && !int.TryParse(value, out _)
                    ? type
                    : throw new FormatException($"covariance_type must be full, tied, diag or spherical but was '{value}' in '{text}'.") },
                "n_init" => spec with { NInit = PositiveInt(text, key, value) },
                "max_iter" => spec with { MaxIter = PositiveInt(text, key, value) },
                "tol" => spec with { Tol = PositiveDouble(text, key, value) },
                "reg_covar" => spec with { RegCovar = PositiveDouble(text, key, value) },
                _ => throw UnknownParameter(text, key, "covariance_type, n_init, max_iter, tol, reg_covar"),
            };
        }
        return spec;
    }

    private static ClusteringAlgorithmSpec ParseMiniBatch(string text, string? arguments)
    {
        var spec = MiniBatchKMeans;
        foreach (var (key, value) in Pairs(text, arguments))
        {
            spec = key switch
            {
                "batch_size" => spec with { BatchSize = PositiveInt(text, key, value) },
                "n_init" => spec with { NInit = PositiveInt(text, key, value) },
                "max_iter" => spec with { MaxIter = PositiveInt(text, key, value) },
                _ => throw UnknownParameter(text, key, "batch_size, n_init, max_iter"),
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
            : throw new FormatException($"{key} must be a positive number{(key == "eps" ? " or 'auto'" : "")} but was '{value}' in '{text}'.");

    private static FormatException UnknownParameter(string text, string key, string allowed) =>
        new($"Unknown parameter '{key}' in '{text}'; allowed: {allowed}.");
}
