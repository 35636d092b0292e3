using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MusicClustering.Client.Errors;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;
using MusicClustering.Silo.Telemetry;
using MusicClustering.Storage;
using Orleans.Configuration;

namespace MusicClustering.Client.Connection;

/// <summary>
/// A connection to the cluster and the blob store: either a client of a running cluster through a gateway, or an
/// embedded in-process silo with a local Azurite, started on demand so a user with nothing running gets a working system.
/// </summary>
public sealed class ClusterSession : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly AzuriteInstance? _azurite;

    // Under 10 s from the command's start, with the process's own start-up included.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(8);

    private ClusterSession(IHost host, AzuriteInstance? azurite, ArtifactStore store, bool embedded, StartupTimings timings)
    {
        _host = host;
        _azurite = azurite;
        Store = store;
        IsEmbedded = embedded;
        StartupTimings = timings.ToString();
    }

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();
    public ArtifactStore Store { get; }
    public bool IsEmbedded { get; }

    /// <summary>When each part of the start-up finished (<c>--verbose</c> prints it).</summary>
    public string StartupTimings { get; }

    /// <summary>True when this session started the local Azurite and left it running for the next commands.</summary>
    public bool StartedDetachedAzurite => _azurite?.StartedDetached == true;

    public static async Task<ClusterSession> OpenAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        return settings.IsEmbedded
            ? await OpenEmbeddedAsync(settings, cancellationToken)
            : await OpenGatewayAsync(settings, cancellationToken);
    }

    /// <summary>
    /// Connects within <see cref="ConnectTimeout"/> or fails with one line naming the address it tried: first a plain TCP
    /// probe (refused, no answer), then Orleans' own connect and the blob store, each under the same deadline.
    /// </summary>
    private static async Task<ClusterSession> OpenGatewayAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        var timings = new StartupTimings();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ConnectTimeout);
        var gateway = await GatewayProbe.ResolveReachableAsync(settings.Gateway!, deadline.Token);
        timings.Mark("gateway probe");
        var builder = ConsoleHost.CreateBuilder(settings.Verbose);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(gateway)
            .UseConfiguredTls(settings.Cluster.Tls)
            .UseMusicClusteringTelemetry(settings.Telemetry)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.Cluster.ClusterId;
                o.ServiceId = settings.Cluster.ServiceId;
            }));
        var host = builder.Build();
        try
        {
            await host.StartAsync(deadline.Token).WaitAsync(deadline.Token);
            timings.Mark("client");
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            var why = deadline.IsCancellationRequested ? $"Orleans did not connect within {ConnectTimeout.TotalSeconds:F0} s" : ErrorReporter.OneLine(ex.Message);
            throw GatewayProbe.Unreachable(settings.Gateway!, gateway, why, ex);
        }

        var store = new ArtifactStore(settings.Storage.ToStoreOptions());
        try
        {
            await store.EnsureContainersAsync(deadline.Token);
            timings.Mark("containers");
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await host.StopAsync(CancellationToken.None);
            host.Dispose();
            throw new UserErrorException(
                $"blob storage at {store.Endpoint} did not answer within {ConnectTimeout.TotalSeconds:F0} s; set Storage__ConnectionString to the storage account the cluster uses.", ex);
        }

        return new ClusterSession(host, null, store, embedded: false, timings);
    }

    /// <summary>
    /// Azurite (found running, or started) and the in-process silo start at the same time: the silo touches storage only
    /// when a grain does, and the connection string of the local Azurite is known before it answers.
    /// </summary>
    private static async Task<ClusterSession> OpenEmbeddedAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        var timings = new StartupTimings();
        var azuriteStart = timings.MeasureAsync("azurite", EnsureAzuriteAsync(settings, cancellationToken));
        var storage = settings.Storage with { ConnectionString = AzuriteDefaults.ConnectionString(settings.AzuritePort) };
        var host = BuildEmbeddedHost(settings, storage);
        var siloStart = timings.MeasureAsync("silo", Task.Run(() => host.StartAsync(cancellationToken), cancellationToken));
        AzuriteInstance? azurite = null;
        try
        {
            azurite = await azuriteStart;
            var store = host.Services.GetRequiredService<ArtifactStore>();
            await timings.MeasureAsync("containers", store.EnsureContainersAsync(cancellationToken));
            await siloStart;
            return new ClusterSession(host, azurite, store, embedded: true, timings);
        }
        catch
        {
            await siloStart.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            host.Dispose();
            if (azurite is not null)
            {
                await azurite.DisposeAsync();
            }

            throw;
        }
    }

    private static async Task<AzuriteInstance> EnsureAzuriteAsync(ClientSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return await AzuriteLauncher.EnsureRunningAsync(
                new AzuriteLaunchOptions { Port = settings.AzuritePort, Location = settings.AzuriteLocation, Detached = settings.KeepAzurite },
                cancellationToken);
        }
        catch (FileNotFoundException ex)
        {
            throw new UserErrorException(ex.Message, ex);
        }
    }

    private static IHost BuildEmbeddedHost(ClientSettings settings, StorageSettings storage)
    {
        var siloSettings = settings.Cluster with
        {
            Clustering = ClusteringModes.Localhost,
            SiloPort = LocalPorts.PickFree(),
            GatewayPort = LocalPorts.PickFree(),
            PrimarySiloEndpoint = null,
            SiloName = "embedded",

            // Most commands never train; an experiment that does starts the warm-up itself.
            WarmUpTraining = false,
        };
        var builder = ConsoleHost.CreateBuilder(settings.Verbose);
        builder.UseOrleans(silo => silo
            .UseConfiguredClustering(siloSettings)
            .UseMusicClustering(siloSettings, storage)
            .AddActivityPropagation()
            .ConfigureServices(services => services.AddMusicClusteringTelemetry(
                settings.Telemetry, TelemetrySetup.ClientServiceName, "embedded", exposePrometheus: false)));
        return builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _host.Dispose();
            if (_azurite is not null)
            {
                await _azurite.DisposeAsync();
            }
        }
    }
}
