using System.Net;
using System.Text;
using Microsoft.Extensions.Configuration;
using MusicClustering.Grains.Ownership;
using MusicClustering.Silo.Security;

namespace MusicClustering.Silo;

/// <summary>
/// The silo's configuration, bound from the "Cluster" section of appsettings.json and overridable by environment
/// variables such as <c>Cluster__SiloPort=11112</c> or <c>Cluster__Clustering=redis</c>.
/// </summary>
public sealed record SiloSettings
{
    public const string SectionName = "Cluster";

    public string ClusterId { get; init; } = "music-cluster";
    public string ServiceId { get; init; } = "music-clustering";
    public string? SiloName { get; init; }

    /// <summary>"localhost" (development clustering with a primary silo) or "redis".</summary>
    public string Clustering { get; init; } = ClusteringModes.Localhost;
    public string? RedisConnectionString { get; init; }

    public int SiloPort { get; init; } = 11111;
    public int GatewayPort { get; init; } = 30000;

    /// <summary>Localhost clustering: the silo every other silo joins through. Defaults to this silo itself.</summary>
    public string? PrimarySiloEndpoint { get; init; }

    /// <summary>The address other silos and clients reach this silo on. Loopback unless a deployment says otherwise.</summary>
    public string AdvertisedAddress { get; init; } = "127.0.0.1";

    /// <summary>Whether this silo advertises a GPU (silo metadata <c>hardware.accelerator=gpu</c>).</summary>
    public bool HasGpu { get; init; }

    /// <summary>How many tracks one silo extracts at once. 0 means one per core.</summary>
    public int MaxConcurrentExtractions { get; init; }

    /// <summary>Torch intra-op threads per training run.</summary>
    public int TorchThreads { get; init; } = 1;

    /// <summary>Pay torch's one-time start-up (library load, JIT) on a background thread when the silo starts.</summary>
    public bool WarmUpTraining { get; init; } = true;

    /// <summary>How often the owner of an experiment or training run rewrites its claim blob.</summary>
    public double OwnershipHeartbeatSeconds { get; init; } = OwnershipSettings.Default.Heartbeat.TotalSeconds;

    /// <summary>How long a claim may stay unchanged before another activation takes the job over (at least 3 heartbeats).</summary>
    public double OwnershipLapseSeconds { get; init; } = OwnershipSettings.Default.Lapse.TotalSeconds;

    /// <summary>Mutual TLS on the silo and gateway ports ("Cluster:Tls"); off unless a deployment turns it on.</summary>
    public TlsSettings Tls { get; init; } = new();

    public OwnershipSettings Ownership() =>
        new(TimeSpan.FromSeconds(OwnershipHeartbeatSeconds), TimeSpan.FromSeconds(OwnershipLapseSeconds));

    public static SiloSettings FromConfiguration(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<SiloSettings>() ?? new SiloSettings();
        settings.Validate();
        return settings;
    }

    public IPEndPoint? ParsePrimarySiloEndpoint() =>
        string.IsNullOrWhiteSpace(PrimarySiloEndpoint) ? null : EndpointParser.Parse(PrimarySiloEndpoint, nameof(PrimarySiloEndpoint));

    public void Validate()
    {
        var mode = Clustering.ToLowerInvariant();
        if (mode is not (ClusteringModes.Localhost or ClusteringModes.Redis))
        {
            throw new InvalidOperationException(
                $"Cluster:Clustering must be '{ClusteringModes.Localhost}' or '{ClusteringModes.Redis}', not '{Clustering}'.");
        }

        if (mode == ClusteringModes.Redis && string.IsNullOrWhiteSpace(RedisConnectionString))
        {
            throw new InvalidOperationException("Cluster:Clustering is 'redis' but Cluster:RedisConnectionString is empty.");
        }

        ValidatePort(SiloPort, nameof(SiloPort));
        ValidatePort(GatewayPort, nameof(GatewayPort));
        if (SiloPort != 0 && SiloPort == GatewayPort)
        {
            throw new InvalidOperationException("Cluster:SiloPort and Cluster:GatewayPort must differ.");
        }

        if (!IPAddress.TryParse(AdvertisedAddress, out _))
        {
            throw new InvalidOperationException($"Cluster:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
        }

        _ = ParsePrimarySiloEndpoint();
        Ownership().Validate();
        Tls.Validate();
        if (TorchThreads < 1)
        {
            throw new InvalidOperationException("Cluster:TorchThreads must be at least 1.");
        }

        if (MaxConcurrentExtractions < 0)
        {
            throw new InvalidOperationException("Cluster:MaxConcurrentExtractions must not be negative.");
        }
    }

    private bool PrintMembers(StringBuilder builder) => RedactedSettings.Print(this, builder);

    private static void ValidatePort(int port, string name)
    {
        if (port is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Cluster:{name} must be between 0 and 65535, not {port}.");
        }
    }
}
