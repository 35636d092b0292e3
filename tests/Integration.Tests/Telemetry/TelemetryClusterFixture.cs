using System.Diagnostics;
using MusicClustering.Silo;
using MusicClustering.Silo.Telemetry;
using MusicClustering.Storage;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Orleans.TestingHost;

namespace MusicClustering.Integration.Tests.Telemetry;

/// <summary>
/// Its own two-silo cluster with activity propagation on silos and client, and an in-memory exporter subscribed to
/// the sources <see cref="TelemetrySetup.TraceSources"/> names. In-process silos share this process, so one exporter
/// sees the client's, both silos' and the Azure SDK's spans.
/// </summary>
public sealed class TelemetryClusterFixture : IAsyncLifetime
{
    public const int Silos = 2;

    private readonly List<Activity> _exported = [];
    private AzuriteInstance? _azurite;
    private InProcessTestCluster? _cluster;
    private TracerProvider? _tracing;

    public InProcessTestCluster Cluster => _cluster ?? throw new InvalidOperationException("cluster not started");
    public IClusterClient Client => Cluster.Client;
    public ArtifactStore Store { get; private set; } = null!;

    /// <summary>A snapshot of the spans exported so far (after a flush).</summary>
    public IReadOnlyList<Activity> FlushAndSnapshot()
    {
        _tracing!.ForceFlush();
        lock (_exported)
        {
            return [.. _exported];
        }
    }

    public async Task InitializeAsync()
    {
        TelemetrySetup.EnableAzureActivitySource();
        var builder = Sdk.CreateTracerProviderBuilder();
        foreach (var source in TelemetrySetup.TraceSources)
        {
            builder.AddSource(source);
        }

        _tracing = builder.AddInMemoryExporter(new LockedList(_exported)).Build();

        _azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        var storage = new StorageSettings { ConnectionString = _azurite.ConnectionString };
        var settings = new SiloSettings { MaxConcurrentExtractions = 2 };
        var cluster = new InProcessTestClusterBuilder(Silos);
        cluster.ConfigureSilo((_, silo) => silo.UseMusicClustering(settings, storage).AddActivityPropagation());
        cluster.ConfigureClient(client => client.AddActivityPropagation());
        _cluster = cluster.Build();
        await _cluster.DeployAsync();
        Store = new ArtifactStore(new ArtifactStoreOptions { ConnectionString = _azurite.ConnectionString });
        await Store.EnsureContainersAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        _tracing?.Dispose();
    }

    /// <summary>The in-memory exporter appends from exporter threads; the fixture reads a copy under the same lock.</summary>
    private sealed class LockedList(List<Activity> inner) : ICollection<Activity>
    {
        public int Count
        {
            get
            {
                lock (inner)
                {
                    return inner.Count;
                }
            }
        }

        public bool IsReadOnly => false;

        public void Add(Activity item)
        {
            lock (inner)
            {
                inner.Add(item);
            }
        }

        public void Clear()
        {
            lock (inner)
            {
                inner.Clear();
            }
        }

        public bool Contains(Activity item)
        {
            lock (inner)
            {
                return inner.Contains(item);
            }
        }

        public void CopyTo(Activity[] array, int arrayIndex)
        {
            lock (inner)
            {
                inner.CopyTo(array, arrayIndex);
            }
        }

        public bool Remove(Activity item)
        {
            lock (inner)
            {
                return inner.Remove(item);
            }
        }

        public IEnumerator<Activity> GetEnumerator()
        {
            lock (inner)
            {
                return inner.ToList().GetEnumerator();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

[CollectionDefinition(Name)]
public sealed class TelemetryClusterCollection : ICollectionFixture<TelemetryClusterFixture>
{
    public const string Name = "telemetry-cluster";
}
