using System.Net;
using Microsoft.Extensions.Configuration;

namespace MusicClustering.Silo.Telemetry;

/// <summary>
/// The "Telemetry" section: exporters and the Orleans Dashboard. Every endpoint is loopback-bound unless a deployment
/// says otherwise (<c>Telemetry__PrometheusHost=*</c>, <c>Telemetry__Dashboard__Host=0.0.0.0</c>).
/// </summary>
public sealed record TelemetrySettings
{
    public const string SectionName = "Telemetry";
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const int DefaultPrometheusPort = 9464;

    /// <summary>Port of the silo's Prometheus scrape endpoint (<c>/metrics</c>); 0 turns it off.</summary>
    public int PrometheusPort { get; init; } = DefaultPrometheusPort;

    /// <summary>Host part of the scrape endpoint's prefix: an IP address, <c>localhost</c>, or <c>*</c> / <c>+</c> for all interfaces.</summary>
    public string PrometheusHost { get; init; } = "127.0.0.1";

    /// <summary>Console exporter for traces and metrics (debugging).</summary>
    public bool Console { get; init; }

    /// <summary>OTLP endpoint; when empty, <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> decides. No endpoint: no OTLP exporter.</summary>
    public string? OtlpEndpoint { get; init; }

    public DashboardSettings Dashboard { get; init; } = new();

    public static TelemetrySettings FromConfiguration(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<TelemetrySettings>() ?? new TelemetrySettings();
        if (string.IsNullOrWhiteSpace(settings.OtlpEndpoint) && !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            settings = settings with { OtlpEndpoint = configuration[OtlpEndpointVariable] };
        }

        settings.Validate();
        return settings;
    }

    public string PrometheusPrefix => $"http://{PrometheusHost}:{PrometheusPort}/";

    /// <summary>Whether the scrape endpoint answers on every interface (<c>*</c> or <c>+</c>, as in containers).</summary>
    public bool ListensOnAllInterfaces => PrometheusHost is "*" or "+";

    public void Validate()
    {
        if (PrometheusPort is < 0 or > 65535)
        {
            throw new InvalidOperationException($"Telemetry:PrometheusPort must be between 0 and 65535, not {PrometheusPort}.");
        }

        if (PrometheusHost is not ("*" or "+" or "localhost") && !IPAddress.TryParse(PrometheusHost, out _))
        {
            throw new InvalidOperationException($"Telemetry:PrometheusHost '{PrometheusHost}' must be an IP address, localhost, * or +.");
        }

        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && !(Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var otlp) && otlp.Scheme is "http" or "https"))
        {
            throw new InvalidOperationException($"Telemetry:OtlpEndpoint '{OtlpEndpoint}' is not an http(s) URI.");
        }

        Dashboard.Validate();
        if (Dashboard.Enabled && PrometheusPort != 0 && Dashboard.Port == PrometheusPort)
        {
            throw new InvalidOperationException("Telemetry:Dashboard:Port and Telemetry:PrometheusPort must differ.");
        }
    }
}

/// <summary>The "Telemetry:Dashboard" section: the Orleans Dashboard served by the silo itself.</summary>
public sealed record DashboardSettings
{
    public const int DefaultPort = 8080;

    public bool Enabled { get; init; }
    public int Port { get; init; } = DefaultPort;

    /// <summary>The address Kestrel binds: loopback by default, <c>0.0.0.0</c> in containers.</summary>
    public string Host { get; init; } = "127.0.0.1";

    public void Validate()
    {
        if (Port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"Telemetry:Dashboard:Port must be between 1 and 65535, not {Port}.");
        }

        if (!IPAddress.TryParse(Host, out _))
        {
            throw new InvalidOperationException($"Telemetry:Dashboard:Host '{Host}' is not an IP address.");
        }
    }
}
