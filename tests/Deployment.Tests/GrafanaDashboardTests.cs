using System.Text.Json;
using System.Text.RegularExpressions;
using MusicClustering.Grains.Diagnostics;

namespace MusicClustering.Deployment.Tests;

/// <summary>The provisioned Grafana dashboard shows metrics the code defines, under the names Prometheus gives them.</summary>
public sealed partial class GrafanaDashboardTests
{
    private const string DashboardFile = "deploy/docker/grafana/dashboards/music-clustering.json";

    private static readonly string[] HistogramSeries = ["_bucket", "_sum", "_count"];

    [Fact]
    public void Every_metric_the_dashboard_queries_is_defined_and_every_defined_metric_is_shown()
    {
        var defined = MusicClusteringDiagnostics.Instruments.ToDictionary(MusicClusteringDiagnostics.PrometheusName);
        var queried = Expressions().SelectMany(e => OurMetric().Matches(e).Select(m => m.Value)).ToHashSet();
        Assert.NotEmpty(queried);

        foreach (var series in queried)
        {
            Assert.True(Resolve(series, defined) is not null, $"the dashboard queries '{series}', which no instrument defines; defined: {string.Join(", ", defined.Keys)}");
        }

        var shown = queried.Select(s => Resolve(s, defined)).OfType<InstrumentInfo>().ToHashSet();
        var missing = MusicClusteringDiagnostics.Instruments.Where(i => !shown.Contains(i)).Select(i => i.Name).ToList();
        Assert.True(missing.Count == 0, $"not on the dashboard: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Histogram_series_are_only_queried_for_histograms_and_rates_only_for_counters_and_histograms()
    {
        var defined = MusicClusteringDiagnostics.Instruments.ToDictionary(MusicClusteringDiagnostics.PrometheusName);
        foreach (var series in Expressions().SelectMany(e => OurMetric().Matches(e).Select(m => m.Value)))
        {
            var instrument = Resolve(series, defined)!;
            if (HistogramSeries.Any(s => series.EndsWith(s, StringComparison.Ordinal)) && !defined.ContainsKey(series))
            {
                Assert.Equal(InstrumentKind.Histogram, instrument.Kind);
            }
        }

        foreach (var expression in Expressions())
        {
            foreach (Match rate in RateOf().Matches(expression))
            {
                var instrument = Resolve(rate.Groups[1].Value, defined);
                Assert.True(instrument is null || instrument.Kind != InstrumentKind.Gauge, $"rate() over the gauge in '{expression}'");
            }
        }
    }

    [Fact]
    public void Dashboard_is_provisioned_from_the_folder_grafana_mounts()
    {
        var provider = Yaml.Map(Assert.Single(RepoFiles.LoadYaml("deploy/docker/grafana/provisioning/dashboards/dashboards.yml").GetList("providers")), "provider");
        var path = provider.GetMap("options").GetString("path");
        var grafana = RepoFiles.LoadYaml("deploy/docker/docker-compose.yml").GetMap("services").GetMap("grafana");
        Assert.Contains($"./grafana/dashboards:{path}:ro", grafana.GetList("volumes").Strings());
        using var dashboard = JsonDocument.Parse(RepoFiles.Read(DashboardFile));
        Assert.Equal("music-clustering", dashboard.RootElement.GetProperty("uid").GetString());
        var datasources = RepoFiles.LoadYaml("deploy/docker/grafana/provisioning/datasources/datasources.yml").GetList("datasources")
            .Select(d => Yaml.Map(d, "datasource").GetString("uid")).ToHashSet();
        foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
        {
            Assert.Contains(panel.GetProperty("datasource").GetProperty("uid").GetString(), datasources);
        }
    }

    private static InstrumentInfo? Resolve(string series, Dictionary<string, InstrumentInfo> defined)
    {
        if (defined.TryGetValue(series, out var direct))
        {
            return direct;
        }

        foreach (var suffix in HistogramSeries)
        {
            if (series.EndsWith(suffix, StringComparison.Ordinal) && defined.TryGetValue(series[..^suffix.Length], out var histogram)
                && histogram.Kind == InstrumentKind.Histogram)
            {
                return histogram;
            }
        }

        return null;
    }

    private static List<string> Expressions()
    {
        using var dashboard = JsonDocument.Parse(RepoFiles.Read(DashboardFile));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
    }

    [GeneratedRegex("music_clustering_[a-z0-9_]+")]
    private static partial Regex OurMetric();

    [GeneratedRegex(@"(?:rate|increase)\((music_clustering_[a-z0-9_]+)")]
    private static partial Regex RateOf();
}
