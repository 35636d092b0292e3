using System.Net;
using System.Net.Sockets;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Learning;
using MusicClustering.Silo.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace MusicClustering.Deployment.Tests;

/// <summary>The telemetry settings, and the metric names Prometheus really scrapes (what the Grafana dashboard relies on).</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Defaults_are_loopback_with_the_dashboard_off()
    {
        var settings = TelemetrySettings.FromConfiguration(ConfigurationKeys.FromEnvironment(new Dictionary<string, string>()));
        Assert.Equal("127.0.0.1", settings.PrometheusHost);
        Assert.Equal(TelemetrySettings.DefaultPrometheusPort, settings.PrometheusPort);
        Assert.False(settings.Dashboard.Enabled);
        Assert.Equal("127.0.0.1", settings.Dashboard.Host);
        Assert.Null(settings.OtlpEndpoint);
    }

    [Fact]
    public void Otlp_endpoint_comes_from_the_standard_variable()
    {
        var settings = TelemetrySettings.FromConfiguration(ConfigurationKeys.FromEnvironment(new Dictionary<string, string>
        {
            [TelemetrySettings.OtlpEndpointVariable] = "http://collector:4317",
        }));
        Assert.Equal("http://collector:4317", settings.OtlpEndpoint);
    }

    [Theory]
    [InlineData("Telemetry__PrometheusPort", "70000")]
    [InlineData("Telemetry__PrometheusHost", "silo-1")]
    [InlineData("Telemetry__Dashboard__Host", "*")]
    [InlineData("Telemetry__Dashboard__Port", "0")]
    [InlineData("Telemetry__OtlpEndpoint", "collector:4317:x")]
    public void Invalid_settings_are_rejected(string key, string value)
    {
        Assert.Throws<InvalidOperationException>(() =>
            TelemetrySettings.FromConfiguration(ConfigurationKeys.FromEnvironment(new Dictionary<string, string> { [key] = value })));
    }

    [Fact]
    public void Dashboard_and_metrics_ports_must_differ()
    {
        Assert.Throws<InvalidOperationException>(() => TelemetrySettings.FromConfiguration(ConfigurationKeys.FromEnvironment(new Dictionary<string, string>
        {
            ["Telemetry__Dashboard__Enabled"] = "true",
            ["Telemetry__Dashboard__Port"] = "9464",
        })));
    }

    [Fact]
    public async Task The_prometheus_endpoint_serves_every_instrument_under_the_name_the_dashboard_uses()
    {
        var port = FreePort();
        using var meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(MusicClusteringDiagnostics.Name)
            .AddPrometheusHttpListener(o =>
            {
                o.Host = "127.0.0.1";
                o.Port = port;
            })
            .Build();

        const string silo = "test-silo@127.0.0.1:1";
        GrainTelemetry.FeatureCacheHit(silo);
        GrainTelemetry.FeatureCacheMiss(silo);
        GrainTelemetry.TrackExtracted(silo, TimeSpan.FromMilliseconds(120));
        GrainTelemetry.TrackFailed(silo, "unreadable");
        GrainTelemetry.RecordEpoch(new EpochProgress(1, 3, 2.5, 2.0, 0.5, null, 0.25), "test-experiment", silo);
        using (GrainTelemetry.StartStage("features"))
        {
        }

        using var http = new HttpClient();
        var scraped = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/metrics"));
        foreach (var instrument in MusicClusteringDiagnostics.Instruments)
        {
            var name = MusicClusteringDiagnostics.PrometheusName(instrument);
            var series = instrument.Kind == InstrumentKind.Histogram ? name + "_bucket{" : name + "{";
            Assert.True(scraped.Contains(series, StringComparison.Ordinal), $"'{series}' not scraped for {instrument.Name}");
        }

        Assert.Contains("reason=\"unreadable\"", scraped, StringComparison.Ordinal);
        Assert.Contains($"silo=\"{silo}\"", scraped, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
