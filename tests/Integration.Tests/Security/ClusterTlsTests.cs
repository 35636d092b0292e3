using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MusicClustering.Audio;
using MusicClustering.Client.Connection;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Silo.Security;
using MusicClustering.Storage;
using Orleans.Configuration;
using Orleans.Connections.Security;
using Xunit.Abstractions;

namespace MusicClustering.Integration.Tests.Security;

/// <summary>Two silos with mutual TLS (and Azurite over HTTPS), started once for these tests.</summary>
public sealed class TlsClusterFixture : IAsyncLifetime
{
    public const int Silos = 2;

    private TlsCluster? _cluster;

    internal TlsCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");

    public async Task InitializeAsync() => _cluster = await TlsCluster.StartAsync(Silos);

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}

// In the cluster collection, so that these silos do not compete for the CPU with the other clusters' timed runs.
[Collection(ClusterCollection.Name)]
public sealed class ClusterTlsTests(TlsClusterFixture fixture, ITestOutputHelper output) : IClassFixture<TlsClusterFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private TlsCluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_console_with_a_client_certificate_runs_an_experiment_on_both_tls_silos_over_https_storage()
    {
        await using var session = await ClusterSession.OpenAsync(Cluster.Client(Cluster.ClientTls), CancellationToken.None);
        var hosts = await session.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
        Assert.Equal(TlsClusterFixture.Silos, hosts.Count);

        var corpus = Directory.CreateDirectory(Path.Combine(Cluster.Files.Folder, "corpus")).FullName;
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 6, Seconds: 1, Seed: 5), corpus);
        var report = await new DatasetIngestor(session.Store, session.Client)
            .IngestAsync("tls", DatasetScanner.Scan(corpus), null, null, CancellationToken.None);
        Assert.Equal(12, report.Tracks);

        var experiment = session.Client.GetGrain<IExperimentGrain>("tls-small");
        await experiment.StartAsync(new ExperimentSpec(
            "tls-small", "tls", Representations: [new RepresentationSpec(RepresentationModels.None)], K: 2, Baselines: false, Tsne: false));
        var status = await ExperimentRunner.WaitAsync(experiment);
        Assert.True(status.Stage == ExperimentStage.Done, $"experiment ended {status.Stage}: {status.Error}");
        var (_, results) = await ResultsReader.ReadAsync(session.Store, status.Results!, CancellationToken.None);
        Assert.Equal(12, results.Tracks);
        Assert.Empty(results.Failed);
    }

    [Fact]
    public async Task Consoles_without_a_certificate_the_cluster_trusts_are_refused()
    {
        var otherCa = TestCertificates.CreateCa("music-clustering test CA");
        // It trusts the cluster's CA too, so the refusal is the gateway's, not its own.
        var foreign = Cluster.Files.Settings(TestCertificates.Client(otherCa, "foreign-client"), otherCa, Cluster.Ca);
        await Task.WhenAll(
            RefusedAsync("plain", () => ClusterSession.OpenAsync(Cluster.Client(new TlsSettings()), ClientPatience())),
            RefusedAsync("foreign", () => ClusterSession.OpenAsync(Cluster.Client(foreign), ClientPatience())),
            RefusedAsync("anonymous", () => ConnectWithoutCertificateAsync(ClientPatience())));
        output.WriteLine(string.Join('\n', Cluster.Logs.Lines.Where(l => l.Contains("Tls", StringComparison.OrdinalIgnoreCase)).Distinct().Take(20)));
        Assert.True(Cluster.Logs.Contains("TLS: refused a Client: certificate 'CN=foreign-client'"), string.Join('\n', Cluster.Logs.Lines));
        Assert.True(Cluster.Logs.Contains("TlsServerConnectionMiddleware: Authentication failed"), string.Join('\n', Cluster.Logs.Lines));
    }

    [Fact]
    public async Task Https_storage_is_reached_only_through_the_configured_ca()
    {
        var trusting = new ArtifactStore(Cluster.Storage.ToStoreOptions());
        Assert.StartsWith("https://", trusting.Endpoint.ToString(), StringComparison.Ordinal);
        await trusting.EnsureContainersAsync();

        var options = Cluster.Storage.ToStoreOptions();
        options.TrustedCaPath = null;
        options.MaxAttempts = 1;
        var error = await Assert.ThrowsAnyAsync<Exception>(() => new ArtifactStore(options).EnsureContainersAsync());
        output.WriteLine(error.Message);
        Assert.Contains("SSL", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_silo_whose_certificate_comes_from_another_ca_cannot_join()
    {
        var otherCa = TestCertificates.CreateCa("music-clustering test CA");
        var tls = Cluster.Files.Settings(TestCertificates.Silo(otherCa, "intruder"), otherCa, Cluster.Ca);
        await RefusedAsync("intruder", () => Cluster.StartSiloAsync("intruder", tls, Timeout(), maxJoinTime: TimeSpan.FromSeconds(8)));
        Assert.True(Cluster.Logs.Contains("TLS: refused a Silo: certificate 'CN=intruder'"), string.Join('\n', Cluster.Logs.Lines));

        await using var session = await ClusterSession.OpenAsync(Cluster.Client(Cluster.ClientTls), CancellationToken.None);
        var hosts = await session.Client.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        Assert.Equal(TlsClusterFixture.Silos, hosts.Length);
        Assert.DoesNotContain(hosts, h => h.SiloName == "intruder");
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Patience).Token;

    /// <summary>A refused client retries until its deadline; the happy path connects in a few seconds.</summary>
    private static CancellationToken ClientPatience() => new CancellationTokenSource(TimeSpan.FromSeconds(15)).Token;

    /// <summary>An Orleans client with TLS that trusts the cluster's CA but presents no certificate of its own.</summary>
    private async Task ConnectWithoutCertificateAsync(CancellationToken cancellationToken)
    {
        var authority = TrustedCertificateAuthority.Of(Cluster.Ca);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseStaticClustering(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Cluster.GatewayPort))
            .Configure<ClusterOptions>(o => o.ClusterId = Cluster.Client(new TlsSettings()).Cluster.ClusterId)
            .UseTls(o =>
            {
                o.ClientCertificateMode = RemoteCertificateMode.NoCertificate;
                o.RemoteCertificateValidation = (certificate, chain, _) =>
                    authority.Reject(certificate, chain, TrustedCertificateAuthority.ServerAuthentication) is null;
            }));
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        await host.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetHosts();
    }

    /// <summary>The attempt fails or gives up at its deadline: either way it never gets to talk to the cluster.</summary>
    private async Task RefusedAsync(string what, Func<Task> attempt)
    {
        var watch = Stopwatch.StartNew();
        var error = await Record.ExceptionAsync(attempt);
        Assert.True(error is not null, $"{what}: connected");
        output.WriteLine($"{what}: refused after {watch.Elapsed.TotalSeconds:0.0} s: {error.GetType().Name}: {error.Message}");
    }
}
