using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Reliability.Tests.Infrastructure;

namespace MusicClustering.Reliability.Tests;

/// <summary>
/// Fault row 1: a silo process is killed (SIGKILL, no graceful stop) while track grains are extracting features.
/// Real processes with Redis membership, so the death is detected the way production detects it.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class SiloKillDuringExtractionTests(ITestOutputHelper output)
{
    private const int Tracks = 192;

    // Some tracks done, most still to do: the kill lands mid-extraction with work on every silo.
    private const int KillAfter = 8;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Killing_a_worker_silo_mid_extraction_completes_with_every_track_exactly_once()
    {
        await using var cluster = await ReliabilityCluster.StartAsync(output, silos: 3);
        var (status, killedAt) = await RunAndKillAsync(cluster, "kill-worker", hostOfExperiment: false);

        var results = await ResultsChecks.ReadAsync(cluster.Store, status);
        ResultsChecks.EveryTrackExactlyOnce(results, await ResultsChecks.ManifestIdsAsync(cluster.Store, "kill-worker"));
        Assert.True(results.Failed.Count == 0, $"no track should fail because a silo died: {string.Join("; ", results.Failed.Select(f => $"{f.Track}: {f.Message}"))}");
        // The experiment's own silo survived, so a second activation created while the directory recovered must follow
        // the owner instead of running the experiment again. The run may change hands only when Orleans deactivates the
        // owner (resolving the duplicate), which stops it and releases the run first; never on a presumed death or silence.
        var takeovers = cluster.Takeovers("kill-worker-run");
        Assert.True(takeovers.All(t => t.Contains("its owner released it", StringComparison.Ordinal)),
            $"the live owner's run was taken from it: {string.Join(" | ", takeovers)}");
        Assert.True(status.Claims == 1 + takeovers.Count, $"claimed {status.Claims} times, but the silos logged {takeovers.Count} takeovers");
        output.WriteLine($"claims: {status.Claims}; takeovers: {string.Join(" | ", takeovers.DefaultIfEmpty("none"))}");
        output.WriteLine($"killed at {killedAt}/{Tracks}; tracks per silo: {string.Join(", ", results.Features.TracksPerSilo.Select(p => $"{p.Key}={p.Value}"))}");
    }

    [Fact]
    public async Task Killing_the_silo_hosting_the_experiment_mid_extraction_resumes_it_with_every_track_exactly_once()
    {
        await using var cluster = await ReliabilityCluster.StartAsync(output, silos: 3);
        var (status, killedAt) = await RunAndKillAsync(cluster, "kill-host", hostOfExperiment: true);

        var results = await ResultsChecks.ReadAsync(cluster.Store, status);
        ResultsChecks.EveryTrackExactlyOnce(results, await ResultsChecks.ManifestIdsAsync(cluster.Store, "kill-host"));
        Assert.True(results.Notes.Any(n => n.Contains("resumed", StringComparison.OrdinalIgnoreCase)),
            $"results.json notes should say the run was resumed: {string.Join(" | ", results.Notes)}");
        // Features extracted before the kill are cached blobs the resumed run reuses instead of recomputing.
        Assert.True(results.Features.Cached > 0, $"the resumed run should reuse features cached before the kill (cached = {results.Features.Cached})");
        Assert.True(status.Claims == 2, $"exactly one takeover (from the dead silo) was expected, but the run was claimed {status.Claims} times");
        output.WriteLine($"killed at {killedAt}/{Tracks}; computed {results.Features.Computed}, cached {results.Features.Cached}");
    }

    private async Task<(ExperimentStatus Status, int KilledAt)> RunAndKillAsync(ReliabilityCluster cluster, string dataset, bool hostOfExperiment)
    {
        var ingested = await TestCorpus.IngestAsync(cluster, dataset, new SyntheticCorpusOptions(Genres: 4, PerGenre: Tracks / 4, Seconds: 8, Seed: 7));
        Assert.Equal(Tracks, ingested);

        var id = $"{dataset}-run";
        var experiment = cluster.Client.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(new ExperimentSpec(dataset, dataset, Representations: [new(RepresentationModels.None)], K: 4, Tsne: false));
        var running = await ExperimentWatch.UntilAsync(
            () => cluster.Client, id, s => s.Stage == ExperimentStage.Extracting && s.Done >= KillAfter, TimeSpan.FromSeconds(60), "extraction progress");

        var host = await cluster.HostOfAsync(experiment);
        // The victim must hold track grains, or killing it tests nothing: the busiest silo besides the experiment's.
        var tracks = await cluster.ActivationsAsync(nameof(Grains.TrackGrain));
        var victim = hostOfExperiment ? host : tracks.Where(p => p.Key != host).MaxBy(p => p.Value).Key;
        cluster.Kill(victim);
        Assert.True(running.Done < running.Total,
            $"the kill must land mid-extraction, but {running.Done}/{running.Total} tracks were already done; use a bigger corpus");
        Assert.True(tracks[victim] > 0, $"{victim.Name} held no track grains when it was killed");
        output.WriteLine($"experiment on {host.Name}; killed {victim.Name} ({tracks[victim]} track grains) at {running.Done}/{running.Total}");

        var status = await ExperimentWatch.FinishedAsync(() => cluster.Client, id, RunTimeout, log: output.WriteLine);
        Assert.True(status.Stage == ExperimentStage.Done,
            $"experiment should complete after {victim.Name} died, got {ExperimentWatch.Describe(status)}{Environment.NewLine}{cluster.DescribeSilos()}");
        return (status, running.Done);
    }
}
