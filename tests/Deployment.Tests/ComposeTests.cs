using System.Net;
using System.Text.RegularExpressions;
using MusicClustering.Silo;

namespace MusicClustering.Deployment.Tests;

/// <summary>deploy/docker/docker-compose.yml, loaded with a YAML parser (anchors and merge keys resolved) and checked against the silo's configuration.</summary>
public sealed partial class ComposeTests
{
    private const string ComposeFile = "deploy/docker/docker-compose.yml";
    private static readonly string[] CpuSilos = ["silo-1", "silo-2"];
    private const string GpuSilo = "silo-gpu";

    private readonly Dictionary<object, object?> _services = RepoFiles.LoadYaml(ComposeFile).GetMap("services");

    private IEnumerable<string> SiloNames => CpuSilos.Append(GpuSilo);

    [Fact]
    public void Has_storage_membership_silos_client_and_the_observability_stack()
    {
        var names = _services.Keys.Select(k => k.ToString()!).ToHashSet();
        string[] expected = ["azurite", "redis", .. CpuSilos, GpuSilo, "client", "otel-collector", "prometheus", "grafana", "jaeger"];
        Assert.Empty(expected.Except(names));
    }

    [Fact]
    public void Every_variable_in_every_service_is_a_configuration_key_or_a_known_variable()
    {
        foreach (var name in SiloNames.Append("client"))
        {
            var unknown = Environment(name).Keys.Where(k => !ConfigurationKeys.IsKnown(k)).ToList();
            Assert.True(unknown.Count == 0, $"{name}: unknown variables {string.Join(", ", unknown)}");
        }
    }

    [Fact]
    public void Silos_bind_and_validate_with_redis_membership_storage_and_their_own_advertised_address()
    {
        var addresses = new HashSet<string>();
        foreach (var name in SiloNames)
        {
            var (silo, storage, telemetry) = ConfigurationKeys.BindSilo(Environment(name));
            Assert.Equal(ClusteringModes.Redis, silo.Clustering);
            Assert.Equal($"redis:{6379}", silo.RedisConnectionString);
            Assert.Equal(name, silo.SiloName);
            Assert.Equal(NetworkAddress(name), silo.AdvertisedAddress);
            Assert.True(addresses.Add(silo.AdvertisedAddress), $"{name} shares its address");
            Assert.Contains("BlobEndpoint=https://azurite:10000/", storage.ConnectionString, StringComparison.Ordinal);
            Assert.Equal("http://otel-collector:4317", telemetry.OtlpEndpoint);
            Assert.True(telemetry.Dashboard.Enabled);
            Assert.Equal("0.0.0.0", telemetry.Dashboard.Host);
            Assert.Equal("*", telemetry.PrometheusHost);

            var expose = _services.GetMap(name).GetList("expose").Strings().Select(int.Parse).ToHashSet();
            int[] ports = [silo.SiloPort, silo.GatewayPort, telemetry.PrometheusPort, telemetry.Dashboard.Port];
            Assert.True(ports.All(expose.Contains), $"{name} exposes {string.Join(",", expose)} but listens on {string.Join(",", ports)}");
        }
    }

    [Fact]
    public void Only_the_gpu_silo_has_a_gpu_a_cuda_build_and_an_nvidia_reservation()
    {
        foreach (var name in CpuSilos)
        {
            Assert.False(ConfigurationKeys.BindSilo(Environment(name)).Silo.HasGpu);
            Assert.Equal("cpu", BuildArgs(name).GetString("TorchBackend"));
            Assert.Null(_services.GetMap(name).Get("deploy"));
        }

        Assert.True(ConfigurationKeys.BindSilo(Environment(GpuSilo)).Silo.HasGpu);
        Assert.Equal("cuda", BuildArgs(GpuSilo).GetString("TorchBackend"));
        var device = Yaml.Map(Assert.Single(_services.GetMap(GpuSilo).GetMap("deploy").GetMap("resources").GetMap("reservations").GetList("devices")), "device");
        Assert.Equal("nvidia", device.GetString("driver"));
        Assert.Contains("gpu", device.GetList("capabilities").Strings());
        Assert.NotEqual(_services.GetMap(GpuSilo).GetString("image"), _services.GetMap(CpuSilos[0]).GetString("image"));
    }

    [Fact]
    public void Client_uses_a_silo_gateway_the_silos_ids_and_the_same_storage()
    {
        var client = Environment("client");
        var gateway = client[MusicClustering.Client.Connection.ClientSettings.GatewayVariable];
        var configuration = ConfigurationKeys.FromEnvironment(client);
        var clientSilo = SiloSettings.FromConfiguration(configuration);
        var matches = SiloNames.Select(n => ConfigurationKeys.BindSilo(Environment(n)))
            .Where(s => $"{s.Silo.AdvertisedAddress}:{s.Silo.GatewayPort}" == gateway).ToList();
        var target = Assert.Single(matches);
        Assert.Equal(target.Silo.ClusterId, clientSilo.ClusterId);
        Assert.Equal(target.Silo.ServiceId, clientSilo.ServiceId);
        Assert.Equal(target.Storage.ConnectionString, StorageSettings.FromConfiguration(configuration).ConnectionString);
    }

    [Fact]
    public void Published_ports_are_loopback_only_and_distinct()
    {
        var published = new List<string>();
        foreach (var (name, service) in _services.Select(kv => (kv.Key.ToString()!, Yaml.Map(kv.Value, kv.Key.ToString()!))))
        {
            if (service.Get("ports") is not List<object?> ports)
            {
                continue;
            }

            foreach (var port in ports.Strings())
            {
                var parts = port.Split(':');
                Assert.True(parts.Length == 3 && parts[0] == "127.0.0.1", $"{name} publishes '{port}' beyond loopback");
                published.Add(parts[1]);
            }
        }

        Assert.Equal(published.Count, published.Distinct().Count());
    }

    [Fact]
    public void Prometheus_scrapes_every_silo_on_its_metrics_port_and_the_collector()
    {
        var config = RepoFiles.LoadYaml("deploy/docker/prometheus/prometheus.yml");
        var targets = config.GetList("scrape_configs")
            .Select(j => Yaml.Map(j, "job"))
            .SelectMany(j => j.GetList("static_configs").Select(s => Yaml.Map(s, "static_config")))
            .SelectMany(s => s.GetList("targets").Strings())
            .ToHashSet();
        foreach (var name in SiloNames)
        {
            var port = ConfigurationKeys.BindSilo(Environment(name)).Telemetry.PrometheusPort;
            Assert.Contains($"{name}:{port}", targets);
        }

        Assert.Contains("otel-collector:8889", targets);
        var volumes = _services.GetMap("prometheus").GetList("volumes").Strings();
        Assert.Contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro", volumes);
    }

    [Fact]
    public void Collector_receives_otlp_on_the_port_the_silos_use_and_sends_traces_to_jaeger()
    {
        var config = RepoFiles.LoadYaml("deploy/docker/otel-collector/config.yaml");
        var grpc = config.GetMap("receivers").GetMap("otlp").GetMap("protocols").GetMap("grpc").GetString("endpoint");
        Assert.EndsWith(":4317", grpc);
        var traces = config.GetMap("service").GetMap("pipelines").GetMap("traces");
        Assert.Contains("otlp", traces.GetList("receivers").Strings());
        var exporter = Assert.Single(traces.GetList("exporters").Strings());
        Assert.Equal("jaeger:4317", config.GetMap("exporters").GetMap(exporter).GetString("endpoint"));
        Assert.Equal("true", _services.GetMap("jaeger").GetMap("environment").GetString("COLLECTOR_OTLP_ENABLED"));
    }

    [Fact]
    public void Dockerfiles_build_on_noble_pass_the_torch_backend_and_start_the_right_assemblies()
    {
        var silo = RepoFiles.Read("deploy/docker/silo.Dockerfile");
        var client = RepoFiles.Read("deploy/docker/client.Dockerfile");
        foreach (var dockerfile in new[] { silo, client })
        {
            var images = FromLine().Matches(dockerfile).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(images);
            Assert.All(images, image => Assert.EndsWith("10.0-noble", image, StringComparison.Ordinal));
        }

        Assert.Contains("-p:TorchBackend=${TorchBackend}", silo, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"MusicClustering.Silo.dll\"]", silo, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"cluster.dll\"]", client, StringComparison.Ordinal);
        foreach (var name in SiloNames.Append("client"))
        {
            var dockerfile = _services.GetMap(name).GetMap("build").GetString("dockerfile")!;
            Assert.True(File.Exists(RepoFiles.PathOf(dockerfile)), $"{name}: {dockerfile} does not exist");
        }
    }

    private Dictionary<string, string> Environment(string service)
    {
        var environment = _services.GetMap(service).GetMap("environment");
        return environment.ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value?.ToString() ?? "");
    }

    private Dictionary<object, object?> BuildArgs(string service) => _services.GetMap(service).GetMap("build").GetMap("args");

    private string NetworkAddress(string service)
    {
        var address = _services.GetMap(service).GetMap("networks").GetMap("cluster").GetString("ipv4_address")!;
        Assert.True(IPAddress.TryParse(address, out _));
        return address;
    }

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();
}
