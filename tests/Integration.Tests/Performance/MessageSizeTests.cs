using MusicClustering.Audio;
using MusicClustering.Client.Commands.Bench;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Grains.Messaging;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Performance;

/// <summary>Grain messages carry ids and blob names, never audio or tensors: measured at the serializer, on every silo.</summary>
public sealed class MessageSizeTests(MeasuredClusterFixture fixture) : IClassFixture<MeasuredClusterFixture>, IDisposable
{
    private const int Limit = 64 * 1024;

    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-msgsize-").FullName;

    [Fact]
    public async Task Experiment_on_synthetic_corpus_sends_no_grain_message_of_64_KB_or_more()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 4, PerGenre: 5, Seconds: 3, Seed: 5), _corpus);
        var tracks = DatasetScanner.Scan(_corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("msgsize", tracks, Path.Combine(_corpus, "lyrics.csv"), null, CancellationToken.None);
        await SiloStatsReader.ResetAsync(fixture.Client);

        // The benchmark's spec, with baselines and hybrid fusion on too, so every stage's messages are exercised.
        var spec = E2eBenchRunner.NotebookSpec("msgsize", k: 4, epochs: 3) with { Baselines = true, Fusions = [Fusions.Audio, Fusions.Hybrid] };
        var status = await ExperimentRunner.WaitAsync(await StartAsync("msgsize-run", spec));
        Assert.True(status.Stage == ExperimentStage.Done, $"experiment ended {status.Stage}: {status.Error}");

        var stats = await SiloStatsReader.ReadAllAsync(fixture.Client);
        Assert.Equal(MeasuredClusterFixture.Silos, stats.Count);
        Assert.All(stats, s => Assert.NotNull(s.Messages));
        // Both silos extracted tracks, so both saw track-grain calls.
        Assert.All(stats, s => Assert.True(s.Messages!.Messages > 0, $"{s.Silo} measured no messages"));
        var largest = stats.MaxBy(s => s.Messages!.LargestBytes)!.Messages!;
        Assert.True(largest.LargestBytes < Limit, $"{largest.LargestCall} sent {largest.LargestBytes} bytes");
        Assert.True(largest.LargestBytes > 100, "a results-bearing call cannot be this small: the measurement is broken");
    }

    [Fact]
    public async Task Measurement_sees_a_large_request_body()
    {
        await SiloStatsReader.ResetAsync(fixture.Client);
        var name = new string('x', 100_000);
        // Rejected by validation, but the request is measured before the grain runs.
        await Assert.ThrowsAnyAsync<ArgumentException>(() => StartAsync("msgsize-large", new ExperimentSpec(name, "no-such-dataset", K: 1)));

        var stats = await SiloStatsReader.ReadAllAsync(fixture.Client);
        var largest = stats.Max(s => s.Messages!.LargestRequestBytes);
        Assert.InRange(largest, 100_000, 101_000);
    }

    private async Task<IExperimentGrain> StartAsync(string id, ExperimentSpec spec)
    {
        var experiment = fixture.Client.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(spec);
        return experiment;
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
