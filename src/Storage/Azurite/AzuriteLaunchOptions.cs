namespace MusicClustering.Storage;

/// <summary>How <see cref="AzuriteLauncher"/> finds or starts Azurite's blob service.</summary>
public sealed record AzuriteLaunchOptions
{
    /// <summary>The port on 127.0.0.1. 0 picks a free port and always starts a new process (for parallel tests).</summary>
    public int Port { get; init; } = AzuriteDefaults.BlobPort;

    /// <summary>The data folder. Null uses a fresh temporary folder that is deleted on dispose.</summary>
    public string? Location { get; init; }

    /// <summary>How long to wait for a started process to accept connections.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The azurite-blob executable. Null searches: env AZURITE_BLOB, then deploy/local/node_modules/.bin
    /// above the app and the current folder, then PATH.
    /// </summary>
    public string? ExecutablePath { get; init; }

    /// <summary>
    /// PEM certificate and key for HTTPS (Azurite's <c>--cert</c>/<c>--key</c>); both or neither. The connection string
    /// then names an https endpoint, and clients must trust the certificate's CA (<c>ArtifactStoreOptions.TrustedCaPath</c>).
    /// </summary>
    public string? CertificatePath { get; init; }

    /// <inheritdoc cref="CertificatePath"/>
    public string? KeyPath { get; init; }

    /// <summary>Whether Azurite serves HTTPS.</summary>
    public bool UsesHttps => CertificatePath is not null;

    /// <summary>When true and the port already answers, that server is used as is (not owned, never stopped).</summary>
    public bool ReuseRunning { get; init; } = true;

    /// <summary>
    /// Start the process detached: in its own session, logging to <c>azurite.log</c> in <see cref="Location"/>, not
    /// owned and so left running when this process exits, with its pid recorded for <see cref="DetachedAzurite.StopAsync"/>.
    /// The embedded console uses it so that the next command finds Azurite running. Needs a <see cref="Location"/>.
    /// </summary>
    public bool Detached { get; init; }
}
