namespace MusicClustering.Storage;

/// <summary>The blob containers of the product: one per concern, all private (no anonymous access).</summary>
public static class BlobContainers
{
    /// <summary>Audio files, named by the SHA-256 of their content.</summary>
    public const string Audio = "audio";

    /// <summary>Dataset manifests and dataset side files (lyrics, labels).</summary>
    public const string Datasets = "datasets";

    /// <summary>Extracted feature matrices, grouped by feature configuration.</summary>
    public const string Features = "features";

    /// <summary>Trained model artifacts, grouped by training run.</summary>
    public const string Models = "models";

    /// <summary>Experiment outputs (metrics, plots, reports), grouped by experiment.</summary>
    public const string Experiments = "experiments";

    /// <summary>Every container the product uses.</summary>
    public static IReadOnlyList<string> All { get; } = [Audio, Datasets, Features, Models, Experiments];

    /// <summary>
    /// Checks Azure's container naming rules (3-63 chars, lowercase letters, digits and single
    /// inner hyphens) so a typo fails here with a clear message rather than as a 400 from the service.
    /// </summary>
    public static string Validate(string container)
    {
        ArgumentNullException.ThrowIfNull(container);
        var valid = container.Length is >= 3 and <= 63
            && container.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-')
            && container[0] != '-'
            && container[^1] != '-'
            && !container.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException(
                $"Invalid container name '{container}': use 3-63 lowercase letters, digits and single inner hyphens.",
                nameof(container));
        }

        return container;
    }
}
