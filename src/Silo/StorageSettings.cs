using Microsoft.Extensions.Configuration;

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

    public static StorageSettings FromConfiguration(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<StorageSettings>() ?? new StorageSettings();
}
