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
    private ClusterHarness? _harness;
    private TracerProvider? _tracing;

    public InProcessTestCluster Cluster => (_harness ?? throw new InvalidOperationException("cluster not started")).Cluster;
    public IClusterClient Client => Cluster.Client;
    public ArtifactStore Store => _harness!.Store;

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

        var settings = new SiloSettings { MaxConcurrentExtractions = 2 };
        _harness = await ClusterHarness.StartAsync(Silos, (cluster, storage) =>
        {
            cluster.ConfigureSilo((_, silo) => silo.UseMusicClustering(settings, storage).AddActivityPropagation());
            cluster.ConfigureClient(client => client.AddActivityPropagation());
        });
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
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
