using System.Text;
using Microsoft.Extensions.Configuration;
using MusicClustering.Silo.Security;
using MusicClustering.Storage;

namespace MusicClustering.Silo;

/// <summary>Blob storage settings ("Storage" section). The default is the local Azurite dev account.</summary>
public sealed record StorageSettings
{
    public const string SectionName = "Storage";

    /// <summary>The well-known Azurite development account on 127.0.0.1:10000 (a public, documented key).</summary>
    public const string LocalAzurite =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    public string ConnectionString { get; init; } = LocalAzurite;

    /// <summary>Optionally pins the Blob service API version (e.g. "V2025_01_05") for older emulators.</summary>
    public string? ServiceVersion { get; init; }

    /// <summary>
    /// PEM file of a private CA the blob endpoint's HTTPS certificate may chain to (e.g. Azurite started with
    /// <c>--cert</c>/<c>--key</c>); certificates the operating system trusts are accepted as well.
    /// </summary>
    public string? CaPath { get; init; }

    /// <summary>
    /// Folders this silo may read audio from in place, by name (<c>Storage:LibraryRoots:music=/srv/music</c>, or
    /// <c>Storage__LibraryRoots__music</c>): datasets ingested with <c>--in-place</c> name a root and a path under it,
    /// and the silo reads nothing outside these folders.
    /// </summary>
    public Dictionary<string, string> LibraryRoots { get; init; } = new(StringComparer.Ordinal);

    public static StorageSettings FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<StorageSettings>() ?? new StorageSettings();

    /// <summary>The artifact store's options for these settings (silos and the console build their stores alike).</summary>
    public ArtifactStoreOptions ToStoreOptions() => new()
    {
        ConnectionString = ConnectionString,
        ServiceVersion = ServiceVersion,
        TrustedCaPath = string.IsNullOrWhiteSpace(CaPath) ? null : CaPath,
    };

    private bool PrintMembers(StringBuilder builder) => RedactedSettings.Print(this, builder);
}
