using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>
/// A real cluster for one test: Azurite (a fixed port and data folder, so it can be stopped and started again),
/// Redis membership, N silo processes and a client. Disposing kills every process it started.
/// </summary>
internal sealed class ReliabilityCluster : IAsyncDisposable
{
    private const string ServiceId = "music-clustering-reliability";
    private readonly List<SiloProcess> _silos = [];
    private readonly ITestOutputHelper _output;
    private readonly string _azuriteLocation = Directory.CreateTempSubdirectory("mc-rel-azurite-").FullName;
    private readonly string _clusterId = $"rel-{Guid.NewGuid():N}"[..12];
    private readonly int _azuritePort = LocalPorts.PickFree();
    private readonly int _maxConcurrentExtractions;
    private readonly bool _measureMessageSizes;
    private AzuriteInstance? _azurite;
    private RedisServer? _redis;
    private ClusterClientHost? _client;
    private int _nextSilo;

    private ReliabilityCluster(ITestOutputHelper output, int maxConcurrentExtractions, bool measureMessageSizes)
    {
        _output = output;
        _maxConcurrentExtractions = maxConcurrentExtractions;
        _measureMessageSizes = measureMessageSizes;
        Store = new ArtifactStore(new ArtifactStoreOptions { ConnectionString = AzuriteDefaults.ConnectionString(_azuritePort) });
    }

    public IClusterClient Client => (_client ?? throw new InvalidOperationException("no client")).Client;

    public ArtifactStore Store { get; }

    public IReadOnlyList<SiloProcess> Silos => _silos;

    public IEnumerable<SiloProcess> Running => _silos.Where(s => s.IsRunning);

    public static async Task<ReliabilityCluster> StartAsync(
        ITestOutputHelper output, int silos, int maxConcurrentExtractions = 1, bool measureMessageSizes = false)
    {
        var cluster = new ReliabilityCluster(output, maxConcurrentExtractions, measureMessageSizes);
        try
        {
            await cluster.StartAzuriteAsync();
            cluster._redis = await RedisServer.StartAsync();
            await cluster.Store.EnsureContainersAsync();
            await Task.WhenAll(Enumerable.Range(0, silos).Select(_ => cluster.AddSiloAsync()));
            await cluster.ReconnectClientAsync();
            await cluster.WaitUntilFormedAsync(silos);
            output.WriteLine($"cluster {cluster._clusterId}: {silos} silos ({string.Join(", ", cluster._silos.Select(s => $"{s.Name} :{s.SiloPort}"))}), "
                + $"Azurite :{cluster._azuritePort}, Redis :{cluster._redis.Port}");
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public Task<SiloProcess> AddSiloAsync() =>
        StartSiloAsync($"silo-{Interlocked.Increment(ref _nextSilo) - 1}", LocalPorts.PickFree(), LocalPorts.PickFree());

    /// <summary>A new process on a dead silo's name and ports (a new generation), as a restarted machine would be.</summary>
    public Task<SiloProcess> RestartAsync(SiloProcess dead) => StartSiloAsync(dead.Name, dead.SiloPort, dead.GatewayPort);

    public void Kill(SiloProcess silo)
    {
        silo.Kill();
        _output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} killed {silo.Name} (:{silo.SiloPort})");
    }

    /// <summary>The silo process that hosts the grain's activation right now.</summary>
    public async Task<SiloProcess> HostOfAsync(IAddressable grain)
    {
        var address = await Client.GetGrain<IManagementGrain>(0).GetActivationAddress(grain)
            ?? throw new InvalidOperationException($"{grain} has no activation");
        return _silos.Single(s => s.IsRunning && s.SiloPort == address.Endpoint.Port);
    }

    /// <summary>How many activations of a grain class each running silo holds right now.</summary>
    public async Task<Dictionary<SiloProcess, int>> ActivationsAsync(string grainClass)
    {
        var activations = await Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return Running.ToDictionary(
            silo => silo,
            silo => activations.Count(a => a.SiloAddress.Endpoint.Port == silo.SiloPort && a.GrainType.Contains(grainClass, StringComparison.Ordinal)));
    }

    /// <summary>Stops Azurite the way an operator would (SIGTERM); its data folder stays for the next start.</summary>
    public async Task StopAzuriteAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
            _output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} Azurite stopped");
        }
    }

    public async Task StartAzuriteAsync()
    {
        _azurite = await AzuriteLauncher.EnsureRunningAsync(
            new AzuriteLaunchOptions { Port = _azuritePort, Location = _azuriteLocation, ReuseRunning = false },
            CancellationToken.None);
        _output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} Azurite running on :{_azuritePort}");
    }

    /// <summary>A fresh client process's view: what `cluster watch` or `cluster results` would connect with.</summary>
    public async Task ReconnectClientAsync()
    {
        if (_client is not null)
        {
            await _client.DisposeAsync();
            _client = null;
        }

        _client = await ClusterClientHost.StartAsync(_redis!.ConnectionString, _clusterId, ServiceId);
    }

    /// <summary>Waits until the membership shows every silo active, so placement can use all of them from the first call.</summary>
    public async Task WaitUntilFormedAsync(int silos)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var active = 0;
        while (DateTime.UtcNow < deadline)
        {
            active = (await Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
            if (active >= silos)
            {
                return;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"only {active} of {silos} silos became active within 60 s{Environment.NewLine}{DescribeSilos()}");
    }

    public string DescribeSilos() =>
        string.Join(Environment.NewLine, _silos.Select(s => $"--- {s.Name} ({(s.IsRunning ? "running" : "dead")}) ---{Environment.NewLine}{s.LogTail}"));

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos)
        {
            silo.Dispose();
        }

        KeepSiloLogs();

        if (_client is not null)
        {
            await _client.DisposeAsync();
        }

        _redis?.Dispose();
        await StopAzuriteAsync();
        try
        {
            Directory.Delete(_azuriteLocation, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp folder is harmless.
        }
    }

    /// <summary>The log lines in which some silo took experiment <paramref name="experimentId"/> over from its owner, with the reason.</summary>
    public IReadOnlyList<string> Takeovers(string experimentId) =>
        _silos.SelectMany(s => s.Log.Split('\n'))
            .Where(line => line.Contains($"Experiment {experimentId} was interrupted", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .ToList();

    /// <summary>
    /// Every silo process's output, for reading after a failure: <c>reliability-logs/{cluster}/{n}-{silo}.log</c> beside
    /// the test assembly (a restarted silo gets its own file). Only the newest runs are kept.
    /// </summary>
    private void KeepSiloLogs()
    {
        var root = Path.Combine(AppContext.BaseDirectory, "reliability-logs");
        var folder = Directory.CreateDirectory(Path.Combine(root, _clusterId));
        for (var i = 0; i < _silos.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder.FullName, $"{i}-{_silos[i].Name}.log"), _silos[i].Log);
        }

        foreach (var old in new DirectoryInfo(root).GetDirectories().OrderByDescending(d => d.CreationTimeUtc).Skip(20))
        {
            old.Delete(recursive: true);
        }

        _output.WriteLine($"silo logs: {folder.FullName}");
    }

    private async Task<SiloProcess> StartSiloAsync(string name, int siloPort, int gatewayPort)
    {
        var silo = await SiloProcess.StartAsync(new SiloProcessOptions(
            name, siloPort, gatewayPort, _clusterId, ServiceId, _redis!.ConnectionString, AzuriteDefaults.ConnectionString(_azuritePort),
            _maxConcurrentExtractions, _measureMessageSizes));
        lock (_silos)
        {
            _silos.Add(silo);
        }

        return silo;
    }
}
