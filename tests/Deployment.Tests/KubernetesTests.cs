namespace MusicClustering.Deployment.Tests;

/// <summary>deploy/k8s: silos as Deployments following Orleans' Kubernetes conventions, a GPU pool, Secrets for connection strings.</summary>
public sealed class KubernetesTests
{
    private static readonly string[] Files = ["namespace.yaml", "secrets.yaml", "redis.yaml", "silos.yaml", "otel-collector.yaml", "client-job.yaml"];

    private readonly List<Dictionary<object, object?>> _documents = Files
        .SelectMany(f => RepoFiles.LoadYamlDocuments($"deploy/k8s/{f}").Select(d => Yaml.Map(d, f)))
        .ToList();

    [Fact]
    public void Kustomization_lists_every_manifest()
    {
        var resources = RepoFiles.LoadYaml("deploy/k8s/kustomization.yaml").GetList("resources").Strings().ToHashSet();
        Assert.True(resources.SetEquals(Files), $"kustomization lists {string.Join(", ", resources)}");
        Assert.All(resources, r => Assert.True(File.Exists(RepoFiles.PathOf($"deploy/k8s/{r}")), r));
    }

    [Fact]
    public void Silo_deployments_follow_the_orleans_conventions_and_bind_to_valid_settings()
    {
        foreach (var (name, template) in SiloTemplates())
        {
            var labels = template.GetMap("metadata").GetMap("labels");
            Assert.Equal("music-clustering", labels.GetString("orleans/serviceId"));
            Assert.Equal("music-cluster", labels.GetString("orleans/clusterId"));
            var container = Container(template);
            var env = container.GetList("env").Select(e => Yaml.Map(e, "env")).ToList();
            var names = env.Select(e => e.GetString("name")!).ToList();
            Assert.Equal(names.Count, names.Distinct().Count());
            Assert.All(names, n => Assert.True(ConfigurationKeys.IsKnown(n), $"{name}: unknown variable {n}"));
            foreach (var required in new[] { "POD_NAME", "POD_NAMESPACE", "POD_IP", "ORLEANS_SERVICE_ID", "ORLEANS_CLUSTER_ID" })
            {
                Assert.Contains(required, names);
            }

            Assert.Equal("status.podIP", FieldRef(env, "Cluster__AdvertisedAddress"));
            Assert.Equal("metadata.name", FieldRef(env, "Cluster__SiloName"));

            var resolved = env.ToDictionary(e => e.GetString("name")!, e => Resolve(e, labels));
            var (silo, storage, telemetry) = ConfigurationKeys.BindSilo(resolved);
            Assert.Equal("redis", silo.Clustering);
            Assert.Equal("10.244.1.7", silo.AdvertisedAddress);
            Assert.Equal("music-clustering", silo.ServiceId);
            Assert.Equal("music-cluster", silo.ClusterId);
            Assert.StartsWith("DefaultEndpointsProtocol=https", storage.ConnectionString, StringComparison.Ordinal);

            var ports = container.GetList("ports").Select(p => int.Parse(Yaml.Map(p, "port").GetString("containerPort")!)).ToHashSet();
            int[] expected = [silo.SiloPort, silo.GatewayPort, telemetry.PrometheusPort, telemetry.Dashboard.Port];
            Assert.True(expected.All(ports.Contains), $"{name}: container ports {string.Join(",", ports)}");
            var annotations = template.GetMap("metadata").GetMap("annotations");
            Assert.Equal(telemetry.PrometheusPort.ToString(System.Globalization.CultureInfo.InvariantCulture), annotations.GetString("prometheus.io/port"));
            Assert.True(telemetry.Dashboard.Enabled);
        }
    }

    [Fact]
    public void Connection_strings_come_from_secrets_that_exist()
    {
        var secrets = _documents.Where(d => d.GetString("kind") == "Secret")
            .ToDictionary(d => d.GetMap("metadata").GetString("name")!, d => d.GetMap("stringData").Keys.Select(k => k.ToString()!).ToHashSet());
        var references = 0;
        foreach (var container in _documents.Where(d => d.GetString("kind") is "Deployment" or "Job").Select(d => Container(PodTemplate(d))))
        {
            foreach (var env in (container.Get("env") as List<object?> ?? []).Select(e => Yaml.Map(e, "env")))
            {
                var name = env.GetString("name")!;
                if (name is "Storage__ConnectionString" or "Cluster__RedisConnectionString")
                {
                    Assert.True(env.Get("value") is null, $"{name} is given inline instead of from a Secret");
                }

                if (env.Get("valueFrom") is Dictionary<object, object?> from && from.Get("secretKeyRef") is Dictionary<object, object?> secret)
                {
                    references++;
                    Assert.True(secrets.TryGetValue(secret.GetString("name")!, out var keys), $"Secret {secret.GetString("name")} is not defined");
                    Assert.Contains(secret.GetString("key")!, keys);
                }
            }
        }

        Assert.True(references >= 5);
    }

    [Fact]
    public void Only_the_gpu_silo_asks_for_a_gpu_and_lands_on_the_gpu_pool()
    {
        var templates = SiloTemplates().ToDictionary(t => t.Name, t => t.Template);
        var gpu = templates["silo-gpu"];
        var spec = gpu.GetMap("spec");
        Assert.Equal("gpu", spec.GetMap("nodeSelector").GetString("music-clustering/pool"));
        Assert.Contains(spec.GetList("tolerations").Select(t => Yaml.Map(t, "toleration")), t => t.GetString("key") == "nvidia.com/gpu");
        Assert.Equal("1", Container(gpu).GetMap("resources").GetMap("limits").GetString("nvidia.com/gpu"));
        Assert.Equal("true", Value(Container(gpu), "Cluster__HasGpu"));

        var cpu = templates["silo-cpu"];
        Assert.Equal("cpu", cpu.GetMap("spec").GetMap("nodeSelector").GetString("music-clustering/pool"));
        Assert.Null(Container(cpu).GetMap("resources").GetMap("limits").Get("nvidia.com/gpu"));
        Assert.Equal("false", Value(Container(cpu), "Cluster__HasGpu"));
    }

    [Fact]
    public void Client_job_reaches_the_gateway_service()
    {
        var gateway = _documents.Single(d => d.GetString("kind") == "Service" && d.GetMap("metadata").GetString("name") == "silo-gateway");
        var port = Yaml.Map(Assert.Single(gateway.GetMap("spec").GetList("ports")), "port").GetString("port");
        var job = _documents.Single(d => d.GetString("kind") == "Job");
        Assert.Equal($"silo-gateway.music-clustering.svc.cluster.local:{port}", Value(Container(PodTemplate(job)), "CLUSTER_GATEWAY"));
    }

    [Fact]
    public void Otlp_and_redis_endpoints_are_services_defined_here()
    {
        var services = _documents.Where(d => d.GetString("kind") == "Service")
            .ToDictionary(
                d => $"{d.GetMap("metadata").GetString("name")}.{d.GetMap("metadata").GetString("namespace")}.svc.cluster.local",
                d => d.GetMap("spec").GetList("ports").Select(p => Yaml.Map(p, "port").GetString("port")!).ToHashSet());
        foreach (var (name, template) in SiloTemplates())
        {
            var otlp = new Uri(Value(Container(template), "OTEL_EXPORTER_OTLP_ENDPOINT")!);
            Assert.True(services.TryGetValue(otlp.Host, out var ports) && ports.Contains(otlp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)), $"{name}: no Service for {otlp}");
        }

        var redis = _documents.Single(d => d.GetString("kind") == "Secret" && d.GetMap("metadata").GetString("name") == "music-clustering-redis")
            .GetMap("stringData").GetString("connection-string")!.Split(',')[0].Split(':');
        Assert.True(services.TryGetValue(redis[0], out var redisPorts) && redisPorts.Contains(redis[1]), $"no Service for Redis at {string.Join(':', redis)}");
    }

    private IEnumerable<(string Name, Dictionary<object, object?> Template)> SiloTemplates()
    {
        var silos = _documents
            .Where(d => d.GetString("kind") == "Deployment"
                && d.GetMap("metadata").Get("labels") is Dictionary<object, object?> labels && labels.GetString("app") == "music-clustering-silo")
            .Select(d => (d.GetMap("metadata").GetString("name")!, PodTemplate(d)))
            .ToList();
        Assert.Equal(["silo-cpu", "silo-gpu"], silos.Select(s => s.Item1).Order());
        return silos;
    }

    private static Dictionary<object, object?> PodTemplate(Dictionary<object, object?> workload) => workload.GetMap("spec").GetMap("template");

    private static Dictionary<object, object?> Container(Dictionary<object, object?> template) =>
        Yaml.Map(Assert.Single(template.GetMap("spec").GetList("containers")), "container");

    private static string? Value(Dictionary<object, object?> container, string name) =>
        container.GetList("env").Select(e => Yaml.Map(e, "env")).Single(e => e.GetString("name") == name).GetString("value");

    private static string? FieldRef(List<Dictionary<object, object?>> env, string name) =>
        env.Single(e => e.GetString("name") == name).GetMap("valueFrom").GetMap("fieldRef").GetString("fieldPath");

    /// <summary>What the kubelet would put in the variable: field references from a sample pod, secrets from secrets.yaml.</summary>
    private string Resolve(Dictionary<object, object?> env, Dictionary<object, object?> labels)
    {
        if (env.GetString("value") is { } value)
        {
            return value;
        }

        var from = env.GetMap("valueFrom");
        if (from.Get("fieldRef") is Dictionary<object, object?> field)
        {
            var path = field.GetString("fieldPath")!;
            return path switch
            {
                "status.podIP" => "10.244.1.7",
                "metadata.name" => "silo-cpu-7c9f8-abcde",
                "metadata.namespace" => "music-clustering",
                _ when path.StartsWith("metadata.labels['", StringComparison.Ordinal) => labels.GetString(path["metadata.labels['".Length..^2])
                    ?? throw new Xunit.Sdk.XunitException($"label in {path} is not on the pod"),
                _ => throw new Xunit.Sdk.XunitException($"unexpected fieldPath {path}"),
            };
        }

        var secret = from.GetMap("secretKeyRef");
        return _documents.Single(d => d.GetString("kind") == "Secret" && d.GetMap("metadata").GetString("name") == secret.GetString("name"))
            .GetMap("stringData").GetString(secret.GetString("key")!)!;
    }
}
