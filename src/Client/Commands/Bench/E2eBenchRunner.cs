using System.Diagnostics;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Grains.Messaging;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>One benchmark pass: ingest a folder, run the notebook's experiment cold, then again with cached features.</summary>
public sealed class E2eBenchRunner(BenchCluster cluster, Action<string> log)
{
    /// <summary>With a value, tracks are recorded in place under this library root (the silos read the folder); else uploaded.</summary>
    public InPlaceTarget? InPlace { get; init; }

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The Python notebook's settings: stats features, VAE 40→512→256→16 for 50 epochs at batch 32, K-Means, t-SNE, no baselines.</summary>
    public static ExperimentSpec NotebookSpec(string dataset, int k, int epochs) => new(
        $"bench-{dataset}",
        dataset,
        FeatureConfig: "stats",
        Representations: [new RepresentationSpec()],
        K: k,
        Seeds: [0],
        Training: new TrainingSpec(Epochs: epochs, BatchSize: 32),
        Baselines: false,
        Tsne: true);

    public async Task<E2eBenchReport> RunAsync(string audioFolder, string dataset, int epochs, CancellationToken cancellationToken)
    {
        var tracks = DatasetScanner.Scan(audioFolder).Tracks;
        if (tracks.Count == 0)
        {
            throw new ArgumentException($"no audio files in {audioFolder}");
        }

        var k = tracks.Select(t => t.Label).Where(l => l is not null).Distinct().Count();
        if (k < 2)
        {
            throw new ArgumentException("the folder needs at least two labels (sub-folders or <label>.<n>.wav names) to pick k");
        }

        await SiloStatsReader.ResetAsync(cluster.Client);
        var spec = NotebookSpec(dataset, k, epochs);
        var cold = await RunOnceAsync("cold", tracks, spec, cancellationToken);
        var cached = await RunOnceAsync("cached", tracks, spec, cancellationToken);
        var stats = await SiloStatsReader.ReadAllAsync(cluster.Client);
        var largest = stats.Where(s => s.Messages is not null).MaxBy(s => s.Messages!.LargestBytes);
        log(largest?.Messages is { } m
            ? $"largest grain message: {m.LargestBytes} bytes ({m.LargestCall}; largest request {m.LargestRequestBytes}, response {m.LargestResponseBytes}) over {stats.Sum(s => s.Messages!.Messages)} messages"
            : "message sizes were not measured: start the silos with Cluster__MeasureMessageSizes=true");
        return new E2eBenchReport(
            tracks.Count,
            stats.Count,
            cold,
            new E2eCachedRun(cached),
            largest?.Messages?.LargestBytes ?? -1,
            stats.Select(s => s.PeakWorkingSetBytes).ToList())
        {
            Source = InPlace is null ? "blob" : "in-place",
        };
    }

    private async Task<E2eStages> RunOnceAsync(string pass, IReadOnlyList<ScannedTrack> tracks, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var ingest = await new DatasetIngestor(cluster.Store, cluster.Client) { InPlace = InPlace }.IngestAsync(spec.Dataset, tracks, null, null, cancellationToken);
        log($"{pass}: ingested {ingest.Tracks} clips, {ingest.Bytes / 1e6:F0} MB in {ingest.Seconds:F2} s ({ingest.MegabytesPerSecond:F0} MB/s; {ingest.Uploaded} uploaded, {ingest.AlreadyStored} already stored, {ingest.InPlace} in place)");

        var id = $"bench-{pass}-{DateTimeOffset.UtcNow:yyyyMMddHHmmssfff}";
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);
        var watch = Stopwatch.StartNew();
        await experiment.StartAsync(spec, cancellationToken);
        ExperimentStatus status;
        while (!(status = await experiment.GetStatusAsync(cancellationToken) ?? throw new InvalidOperationException($"experiment {id} has no status")).IsFinished)
        {
            await Task.Delay(PollInterval, cancellationToken);
        }

        var total = watch.Elapsed.TotalSeconds;
        if (status.Stage != ExperimentStage.Done)
        {
            throw new InvalidOperationException($"experiment {id} ended {status.Stage}: {status.Error}");
        }

        var (_, results) = await ResultsReader.ReadAsync(cluster.Store, status.Results!, cancellationToken);
        var stages = E2eStageSplit.From(results, ingest.Seconds, total);
        log($"{pass}: {results.Tracks} tracks ({results.Features.Computed} computed, {results.Features.Cached} cached) on {string.Join(", ", results.SilosUsed)}; " +
            $"timings_s {string.Join(", ", results.TimingsSeconds.Select(t => $"{t.Key} {t.Value:F2}"))}; NMI {results.Metrics.Nmi:F3}");
        return stages;
    }
}
