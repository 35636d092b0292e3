using System.Diagnostics;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Grains.Messaging;
using MusicClustering.Reliability.Tests.Infrastructure;

namespace MusicClustering.Reliability.Tests.Heavy;

/// <summary>
/// Soak: 5,000 one-second clips ingested and extracted through two silo processes. Records throughput, peak RSS per
/// silo and the largest grain message (silos measure them with Cluster:MeasureMessageSizes), and checks that messages
/// stay small and memory does not creep. Minutes long, so Heavy, not Reliability.
/// </summary>
[Trait("Category", "Heavy")]
public sealed class ExtractionSoakTests(ITestOutputHelper output)
{
    private const int Clips = 5000;
    // A warm-up as large as the run: a smaller one leaves the silos below this workload's steady state (measured: after
    // 1,000 clips, the first 5,000-clip run added ~25 MB of resident memory once, and two more such runs added 1-8 MB).
    private const int WarmUpClips = Clips;
    private const long MessageLimitBytes = 64 * 1024;
    private const double RssGrowthLimit = 0.20;

    [Fact]
    public async Task Five_thousand_clips_extract_through_two_silos_with_small_messages_and_flat_memory()
    {
        await using var cluster = await ReliabilityCluster.StartAsync(output, silos: 2, maxConcurrentExtractions: 1, measureMessageSizes: true);

        await RunAsync(cluster, "soak-warmup", WarmUpClips);
        var warm = await SettledAsync(cluster);
        output.WriteLine($"settled after warm-up: {Describe(warm)}");

        var ingest = Stopwatch.StartNew();
        Assert.Equal(Clips, await TestCorpus.IngestAsync(cluster, "soak", new SyntheticCorpusOptions(Genres: 10, PerGenre: Clips / 10, Seconds: 1, Seed: 5)));
        output.WriteLine($"generated and ingested {Clips} clips in {ingest.Elapsed.TotalSeconds:F1} s");
        var results = await RunAsync(cluster, "soak", Clips);

        var after = Memory(cluster);
        var settled = await SettledAsync(cluster);
        var stats = await SiloStatsReader.ReadAllAsync(cluster.Client);
        var largest = stats.Where(s => s.Messages is not null).MaxBy(s => s.Messages!.LargestBytes)?.Messages;
        var extraction = results.TimingsSeconds["features"];
        output.WriteLine($"extraction: {Clips} clips in {extraction:F1} s = {Clips / extraction:F0} clips/s; per silo {string.Join(", ", results.Features.TracksPerSilo.Select(p => $"{p.Key}={p.Value}"))}");
        output.WriteLine($"peak RSS per silo: {Mb(after.Select(m => m.Peak))}; RSS right after the run: {Mb(after.Select(m => m.Rss))}");
        output.WriteLine($"settled after the run: {Describe(settled)}");
        output.WriteLine(largest is null
            ? "largest grain message: not measured"
            : $"largest grain message: {largest.LargestBytes} bytes ({largest.LargestCall}) over {stats.Sum(s => s.Messages?.Messages ?? 0)} messages");

        Assert.True(results.Tracks == Clips && results.Failed.Count == 0, $"{results.Tracks} tracks, {results.Failed.Count} failed");
        Assert.True(largest is not null, "silos started with Cluster__MeasureMessageSizes=true should report message sizes");
        Assert.True(largest!.LargestBytes < MessageLimitBytes, $"largest grain message {largest.LargestBytes} bytes ({largest.LargestCall}) should stay under {MessageLimitBytes}");
        for (var i = 0; i < warm.Count; i++)
        {
            var growth = (double)(settled[i].Rss - warm[i].Rss) / warm[i].Rss;
            Assert.True(growth <= RssGrowthLimit,
                $"{cluster.Silos[i].Name}: settled RSS grew {growth:P0} from {warm[i].Rss / 1e6:F0} MB after warm-up to {settled[i].Rss / 1e6:F0} MB after the run (limit {RssGrowthLimit:P0}); anonymous {warm[i].Anonymous / 1e6:F0} -> {settled[i].Anonymous / 1e6:F0} MB");
        }
    }

    private static async Task<ExperimentResults> RunAsync(ReliabilityCluster cluster, string dataset, int clips)
    {
        if (dataset != "soak")
        {
            await TestCorpus.IngestAsync(cluster, dataset, new SyntheticCorpusOptions(Genres: 4, PerGenre: clips / 4, Seconds: 1, Seed: 6));
        }

        var id = $"{dataset}-run";
        await cluster.Client.GetGrain<IExperimentGrain>(id).StartAsync(
            new ExperimentSpec(dataset, dataset, Representations: [new(RepresentationModels.None)], K: 4, Tsne: false, Baselines: false));
        var status = await ExperimentWatch.FinishedAsync(() => cluster.Client, id, TimeSpan.FromMinutes(15));
        return await ResultsChecks.ReadAsync(cluster.Store, status);
    }

    // Both sides of the comparison are measured after a full compacting collection in each silo, so the check sees
    // retained memory (a leak, activations piling up), not garbage the collector has not yet had a reason to return.
    private static async Task<List<ResidentMemory>> SettledAsync(ReliabilityCluster cluster)
    {
        await SiloStatsReader.SettleAllAsync(cluster.Client);
        return Memory(cluster);
    }

    private static List<ResidentMemory> Memory(ReliabilityCluster cluster) =>
        cluster.Silos.Select(s => ProcessMemory.Read(s.ProcessId)).ToList();

    private static string Describe(IEnumerable<ResidentMemory> memory) =>
        string.Join(", ", memory.Select(m => $"RSS {m.Rss / 1e6:F0} MB (anonymous {m.Anonymous / 1e6:F0}, file-backed {m.FileBacked / 1e6:F0})"));

    private static string Mb(IEnumerable<long> bytes) => string.Join(", ", bytes.Select(b => $"{b / 1e6:F0} MB"));
}
