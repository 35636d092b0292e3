namespace MusicClustering.Storage;

/// <summary>Settings of <see cref="ArtifactStore"/>. Settable so they bind from configuration.</summary>
public sealed class ArtifactStoreOptions
{
    /// <summary>
    /// Azure Storage connection string (shared key or SAS). Secret: never log it; use
    /// <see cref="RedactedConnectionString.Of"/>. For Azurite use <see cref="AzuriteDefaults.ConnectionString"/>.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// Optional REST API version to pin, as the SDK enum name ("V2025_01_05") or the date ("2025-01-05").
    /// Null (default) uses the SDK's newest version (2026-10-06 for Azure.Storage.Blobs 12.30): right for Azure,
    /// and for Azurite 3.x only when it runs with --skipApiVersionCheck (our scripts and launcher do).
    /// Pin a version (e.g. "V2026_06_06", the newest Azurite 3.37 knows) to talk to an Azurite started without it.
    /// </summary>
    public string? ServiceVersion { get; set; }

    /// <summary>
    /// Optional PEM file of a private CA that the blob endpoint's HTTPS certificate may chain to (Azurite started with
    /// <c>--cert</c>/<c>--key</c>). Certificates the operating system trusts are accepted as well.
    /// </summary>
    public string? TrustedCaPath { get; set; }

    /// <summary>Total tries per operation, first one included (1 disables retries).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubles each retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Cap on a single retry delay.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Network timeout of a single HTTP request (one try).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Content up to this size goes up in one Put Blob; larger content is staged in blocks of
    /// <see cref="BlockSize"/> and committed with one Put Block List. Both are atomic.
    /// </summary>
    public int SingleUploadLimit { get; set; } = 4 * 1024 * 1024;

    /// <summary>Block size for staged uploads and range size for partitioned downloads.</summary>
    public int BlockSize { get; set; } = 4 * 1024 * 1024;
}
