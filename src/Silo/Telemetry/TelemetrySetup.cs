using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MusicClustering.Grains.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Dashboard;

namespace MusicClustering.Silo.Telemetry;

/// <summary>
/// The one place OpenTelemetry is wired, for silos and clients alike: Orleans' activity sources and meter, runtime
/// metrics, our own <see cref="MusicClusteringDiagnostics"/> source and meter, Azure SDK spans, and the exporters
/// chosen by <see cref="TelemetrySettings"/> (OTLP, Prometheus scrape endpoint on silos, console).
/// </summary>
public static class TelemetrySetup
{
    public const string SiloServiceName = "music-clustering-silo";
    public const string ClientServiceName = "music-clustering-client";

    /// <summary>The Azure SDK's experimental ActivitySource switch (its spans for blob I/O).</summary>
    public const string AzureActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    /// <summary>Every activity source we subscribe to (Orleans' runtime, application, storage and lifecycle sources, ours, Azure's).</summary>
    public static IReadOnlyList<string> TraceSources { get; } =
    [
        "Microsoft.Orleans.Runtime",
        "Microsoft.Orleans.Application",
        "Microsoft.Orleans.*",
        MusicClusteringDiagnostics.Name,
        "Azure.*",
    ];

    /// <summary>Every meter we subscribe to; runtime metrics come from the runtime instrumentation.</summary>
    public static IReadOnlyList<string> Meters { get; } =
    [
        "Microsoft.Orleans",
        MusicClusteringDiagnostics.Name,
    ];

    /// <summary>Silo side: activity propagation, OpenTelemetry with a Prometheus endpoint, and the dashboard when enabled.</summary>
    public static ISiloBuilder UseMusicClusteringTelemetry(this ISiloBuilder silo, TelemetrySettings telemetry, SiloSettings settings)
    {
        silo.AddActivityPropagation();
        if (telemetry.Dashboard.Enabled)
        {
            silo.AddDashboard();
        }

        silo.Services.AddMusicClusteringTelemetry(telemetry, SiloServiceName, settings.SiloName, exposePrometheus: true);
        return silo;
    }

    /// <summary>Client side: activity propagation and OpenTelemetry (no scrape endpoint: clients are short-lived).</summary>
    public static IClientBuilder UseMusicClusteringTelemetry(this IClientBuilder client, TelemetrySettings telemetry)
    {
        client.AddActivityPropagation();
        client.Services.AddMusicClusteringTelemetry(telemetry, ClientServiceName, instance: null, exposePrometheus: false);
        return client;
    }

    public static IServiceCollection AddMusicClusteringTelemetry(
        this IServiceCollection services, TelemetrySettings telemetry, string serviceName, string? instance, bool exposePrometheus)
    {
        EnableAzureActivitySource();
        var otlp = string.IsNullOrWhiteSpace(telemetry.OtlpEndpoint) ? null : new Uri(telemetry.OtlpEndpoint);
        var prometheus = exposePrometheus && telemetry.PrometheusPort != 0;
        if (otlp is null && !prometheus && !telemetry.Console)
        {
            // Nothing would export: leave the sources unobserved so that they cost nothing.
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                serviceName,
                serviceVersion: typeof(TelemetrySetup).Assembly.GetName().Version?.ToString(),
                serviceInstanceId: instance ?? Environment.MachineName))
            .WithTracing(tracing =>
            {
                if (otlp is null && !telemetry.Console)
                {
                    return;
                }

                foreach (var source in TraceSources)
                {
                    tracing.AddSource(source);
                }

                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(o => o.Endpoint = OtlpSignalEndpoint(otlp, "traces"));
                }

                if (telemetry.Console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. Meters]);
                metrics.AddRuntimeInstrumentation();
                if (prometheus)
                {
                    metrics.AddPrometheusHttpListener(o =>
                    {
                        o.Port = telemetry.PrometheusPort;
                        if (telemetry.ListensOnAllInterfaces)
                        {
                            // The exporter's Host must be a URI host; HttpListener's wildcard prefix is set on the listener.
                            o.Host = "localhost";
                            o.ConfigureHttpListener = (_, listener) =>
                            {
                                listener.Prefixes.Clear();
                                listener.Prefixes.Add(telemetry.PrometheusPrefix);
                            };
                        }
                        else
                        {
                            o.Host = telemetry.PrometheusHost;
                        }
                    });
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(o => o.Endpoint = OtlpSignalEndpoint(otlp, "metrics"));
                }

                if (telemetry.Console)
                {
                    metrics.AddConsoleExporter();
                }
            });
        return services;
    }

    /// <summary>
    /// The root span of one console command (e.g. <c>cluster submit</c>), so that its grain calls, the experiment's
    /// background run and the polling all land in one trace. Start it after the session is open (the tracer provider
    /// listens from then on) and dispose it before the session.
    /// </summary>
    public static Activity? StartCommand(string command, string? experimentId = null)
    {
        var activity = MusicClusteringDiagnostics.ActivitySource.StartActivity($"cluster {command}", ActivityKind.Client);
        if (experimentId is not null)
        {
            activity?.SetTag(MusicClusteringDiagnostics.ExperimentTag, experimentId);
        }

        return activity;
    }

    /// <summary>Turns on the Azure SDK's ActivitySource spans (blob I/O) for this process.</summary>
    public static void EnableAzureActivitySource() => AppContext.SetSwitch(AzureActivitySourceSwitch, true);

    /// <summary>
    /// OTLP over gRPC (port 4317) takes the endpoint as is; OTLP over HTTP (4318) needs the signal's path. We use gRPC,
    /// the exporter's default, so the base endpoint is right unless the operator chose the HTTP protocol.
    /// </summary>
    private static Uri OtlpSignalEndpoint(Uri endpoint, string signal)
    {
        var protocol = Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_PROTOCOL");
        if (protocol is null || !protocol.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        {
            return endpoint;
        }

        return new Uri(endpoint, $"v1/{signal}");
    }
}
