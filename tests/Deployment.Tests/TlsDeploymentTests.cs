using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;
using MusicClustering.Storage;

namespace MusicClustering.Deployment.Tests;

/// <summary>
/// TLS in the deployments: deploy/tls/make-certs.sh makes certificates the product accepts, and the compose file and
/// the manifests hand each process the certificate of its role, from files that are mounted where the keys point.
/// </summary>
public sealed class TlsDeploymentTests : IClassFixture<TlsDeploymentTests.GeneratedCertificates>
{
    private readonly GeneratedCertificates _generated;
    private readonly Dictionary<object, object?> _services = RepoFiles.LoadYaml("deploy/docker/docker-compose.yml").GetMap("services");
    private readonly List<Dictionary<object, object?>> _manifests = new[] { "silos.yaml", "client-job.yaml" }
        .SelectMany(f => RepoFiles.LoadYamlDocuments($"deploy/k8s/{f}").Select(d => Yaml.Map(d, f)))
        .ToList();

    public TlsDeploymentTests(GeneratedCertificates generated) => _generated = generated;

    [Fact]
    public void Make_certs_writes_a_ca_silo_client_and_azurite_certificate_with_private_keys()
    {
        var authority = TrustedCertificateAuthority.Load(_generated.File("ca.pem"));
        var silo = X509Certificate2.CreateFromPemFile(_generated.File("silo.pem"), _generated.File("silo.key"));
        var client = X509Certificate2.CreateFromPemFile(_generated.File("client.pem"), _generated.File("client.key"));
        var azurite = X509Certificate2.CreateFromPemFile(_generated.File("azurite.pem"), _generated.File("azurite.key"));
        Assert.Null(authority.Reject(silo, null, TlsPeer.Silo.RequiredUsages()));
        Assert.Null(authority.Reject(client, null, TlsPeer.Client.RequiredUsages()));
        Assert.NotNull(authority.Reject(client, null, TlsPeer.Silo.RequiredUsages()));
        Assert.Null(authority.Reject(azurite, null, TrustedCertificateAuthority.ServerAuthentication));
        var names = azurite.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames().ToList();
        Assert.Contains("azurite", names);
        Assert.Contains("localhost", names);
        if (!OperatingSystem.IsWindows())
        {
            foreach (var key in new[] { "ca.key", "silo.key", "client.key", "azurite.key" })
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_generated.File(key)));
            }
        }
    }

    [Fact]
    public void Make_certs_keeps_the_ca_when_run_again()
    {
        var before = File.ReadAllText(_generated.File("ca.pem"));
        GeneratedCertificates.Run(_generated.Folder, "--san", "azurite");
        Assert.Equal(before, File.ReadAllText(_generated.File("ca.pem")));
    }

    [Fact]
    public void Compose_silos_and_client_load_their_certificates_from_the_mounted_folder()
    {
        foreach (var (service, role) in new[] { ("silo-1", TlsPeer.Silo), ("silo-2", TlsPeer.Silo), ("silo-gpu", TlsPeer.Silo), ("client", TlsPeer.Client) })
        {
            var tls = SiloSettings.FromConfiguration(ConfigurationKeys.FromEnvironment(ComposeEnvironment(service))).Tls;
            Assert.True(tls.Enabled, $"{service}: TLS is off");
            var credentials = ClusterCredentials.Load(OnHost(tls, path => _generated.File(ComposeMounted(service, path))), role);
            Assert.True(credentials.Certificate.HasPrivateKey);
        }
    }

    [Fact]
    public void Compose_azurite_serves_https_with_a_certificate_the_silos_trust_for_its_host_name()
    {
        var command = _services.GetMap("azurite").GetList("command").Strings().ToList();
        var certificate = command[command.IndexOf("--cert") + 1];
        var key = command[command.IndexOf("--key") + 1];
        var azurite = X509Certificate2.CreateFromPemFile(_generated.File(ComposeMounted("azurite", certificate)), _generated.File(ComposeMounted("azurite", key)));

        var storage = StorageSettings.FromConfiguration(ConfigurationKeys.FromEnvironment(ComposeEnvironment("silo-1")));
        var endpoint = new Uri(storage.ConnectionString.Split(';').Single(p => p.StartsWith("BlobEndpoint=", StringComparison.Ordinal))["BlobEndpoint=".Length..]);
        Assert.Equal("https", endpoint.Scheme);
        Assert.Contains(endpoint.Host, azurite.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single().EnumerateDnsNames());
        var authority = TrustedCertificateAuthority.Load(_generated.File(ComposeMounted("silo-1", storage.CaPath!)));
        Assert.Null(authority.Reject(azurite, null, TrustedCertificateAuthority.ServerAuthentication));
    }

    [Fact]
    public void Compose_header_says_how_to_make_the_certificates()
    {
        Assert.Contains("deploy/tls/make-certs.sh deploy/docker/tls --san azurite", RepoFiles.Read("deploy/docker/docker-compose.yml"), StringComparison.Ordinal);
        Assert.Contains("deploy/docker/tls/", RepoFiles.Read(".gitignore"), StringComparison.Ordinal);
        Assert.Contains("deploy/k8s/tls/", RepoFiles.Read(".gitignore"), StringComparison.Ordinal);
    }

    [Fact]
    public void Kubernetes_pods_mount_the_generated_tls_secret_where_their_keys_point()
    {
        var generator = RepoFiles.LoadYaml("deploy/k8s/kustomization.yaml").GetList("secretGenerator").Select(g => Yaml.Map(g, "generator"))
            .Single(g => g.GetString("name") == "music-clustering-tls");
        var generatedKeys = generator.GetList("files").Strings().Select(Path.GetFileName).OfType<string>().ToHashSet();
        var workloads = _manifests.Where(d => d.GetString("kind") is "Deployment" or "Job").ToList();
        Assert.Equal(3, workloads.Count);
        foreach (var workload in workloads)
        {
            var name = workload.GetMap("metadata").GetString("name")!;
            var spec = workload.GetMap("spec").GetMap("template").GetMap("spec");
            var container = Yaml.Map(Assert.Single(spec.GetList("containers")), "container");
            var environment = container.GetList("env").Select(e => Yaml.Map(e, "env"))
                .Where(e => e.GetString("name")!.StartsWith("Cluster__Tls__", StringComparison.Ordinal))
                .ToDictionary(e => e.GetString("name")!, e => e.GetString("value")!);
            var tls = SiloSettings.FromConfiguration(ConfigurationKeys.FromEnvironment(environment)).Tls;
            Assert.True(tls.Enabled, $"{name}: TLS is off");
            var role = workload.GetString("kind") == "Job" ? TlsPeer.Client : TlsPeer.Silo;

            string SecretFile(string path)
            {
                var mount = container.GetList("volumeMounts").Select(m => Yaml.Map(m, "volumeMount"))
                    .Single(m => path.StartsWith(m.GetString("mountPath")! + "/", StringComparison.Ordinal));
                Assert.Equal("true", mount.GetString("readOnly"));
                var volume = spec.GetList("volumes").Select(v => Yaml.Map(v, "volume")).Single(v => v.GetString("name") == mount.GetString("name"));
                var secret = volume.GetMap("secret");
                Assert.Equal(generator.GetString("name"), secret.GetString("secretName"));
                var file = path[(mount.GetString("mountPath")!.Length + 1)..];
                var item = secret.GetList("items").Select(i => Yaml.Map(i, "item")).Single(i => i.GetString("path") == file);
                var key = item.GetString("key")!;
                Assert.True(generatedKeys.Contains(key), $"{name}: the Secret has no key {key}");
                return _generated.File(key);
            }

            Assert.True(ClusterCredentials.Load(OnHost(tls, SecretFile), role).Certificate.HasPrivateKey, name);
        }
    }

    private Dictionary<string, string> ComposeEnvironment(string service) =>
        _services.GetMap(service).GetMap("environment").ToDictionary(kv => kv.Key.ToString()!, kv => kv.Value?.ToString() ?? "");

    /// <summary>The file on the host (relative to deploy/docker) that a read-only bind mount shows at a container path.</summary>
    private string ComposeMounted(string service, string containerPath)
    {
        var mount = _services.GetMap(service).GetList("volumes").Strings()
            .Select(v => v.Split(':'))
            .Single(v => v.Length == 3 && containerPath.StartsWith(v[1] + "/", StringComparison.Ordinal));
        Assert.Equal("./tls", mount[0]);
        Assert.Equal("ro", mount[2]);
        return containerPath[(mount[1].Length + 1)..];
    }

    private static TlsSettings OnHost(TlsSettings tls, Func<string, string> file) => tls with
    {
        CertificatePath = file(tls.CertificatePath!),
        KeyPath = file(tls.KeyPath!),
        CaPath = file(tls.CaPath!),
    };

    /// <summary>One run of deploy/tls/make-certs.sh into a temporary folder, for the whole class.</summary>
    public sealed class GeneratedCertificates : IDisposable
    {
        public GeneratedCertificates()
        {
            Folder = Directory.CreateTempSubdirectory("mc-make-certs-").FullName;
            Run(Folder, "--san", "azurite");
        }

        public string Folder { get; }

        public string File(string name)
        {
            var path = Path.Combine(Folder, name);
            Assert.True(System.IO.File.Exists(path), $"make-certs.sh wrote no {name}");
            return path;
        }

        public static void Run(string folder, params string[] arguments)
        {
            var info = new ProcessStartInfo(RepoFiles.PathOf("deploy/tls/make-certs.sh")) { RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(folder);
            foreach (var argument in arguments)
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info)!;
            var errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "make-certs.sh did not finish");
            Assert.True(process.ExitCode == 0, $"make-certs.sh failed ({process.ExitCode}): {errors}");
        }

        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }
}
