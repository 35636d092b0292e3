using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Reliability.Tests.Infrastructure;

namespace MusicClustering.Reliability.Tests;

/// <summary>
/// Fault row 4: every silo is killed mid-experiment and the cluster is started again (same ClusterId/ServiceId, same
/// Redis and Azurite). A new client, as `cluster watch` / `cluster results` would be, must find the experiment, see
/// that it was resumed, and get complete results. A second restart after it finished must carry on without rework.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class ClusterRestartTests(ITestOutputHelper output)
{
    private const int Tracks = 96;
    private const string Dataset = "restart";
    private const string Id = "restart-run";

    [Fact]
    public async Task Restarting_the_whole_cluster_mid_experiment_resumes_it_and_watch_and_results_say_so()
    {
        await using var cluster = await ReliabilityCluster.StartAsync(output, silos: 2);
        Assert.Equal(Tracks, await TestCorpus.IngestAsync(cluster, Dataset, new SyntheticCorpusOptions(Genres: 4, PerGenre: Tracks / 4, Seconds: 8, Seed: 31)));
        await cluster.Client.GetGrain<IExperimentGrain>(Id).StartAsync(
            new ExperimentSpec(Dataset, Dataset, Representations: [new(RepresentationModels.None)], K: 4, Tsne: false));
        var before = await ExperimentWatch.UntilAsync(
            () => cluster.Client, Id, s => s.Stage == ExperimentStage.Extracting && s.Done >= 8, TimeSpan.FromSeconds(60), "extraction progress");

        await RestartEverySiloAsync(cluster);
        Assert.True(before.Done < before.Total, $"the restart must land mid-extraction, but {before.Done}/{before.Total} were done");

        // What `cluster watch` shows first: the persisted status. Until membership declares the old owner dead (at once
        // when a new generation joins on its endpoint, else after the heartbeat lapse) the run is followed, so the first
        // status may still be the owner's; then it is resumed, and watch says so before the run ends.
        var first = await ExperimentWatch.UntilAsync(() => cluster.Client, Id, _ => true, TimeSpan.FromSeconds(60), "status after the restart");
        output.WriteLine($"first status after restart: {ExperimentWatch.Describe(first)}");
        Assert.True(first.Name == Dataset && !first.IsFinished, $"the restarted cluster should know the unfinished experiment from storage, got {ExperimentWatch.Describe(first)}");
        var resumed = await ExperimentWatch.UntilAsync(
            () => cluster.Client, Id, s => s.Claims > 1 && s.Message.Contains("resumed", StringComparison.Ordinal), TimeSpan.FromSeconds(90), "a status saying the run was resumed");
        output.WriteLine($"resumed: {ExperimentWatch.Describe(resumed)}");

        var done = await ExperimentWatch.FinishedAsync(() => cluster.Client, Id, TimeSpan.FromMinutes(3), log: output.WriteLine);
        Assert.True(done.Message.Contains("resumed", StringComparison.Ordinal), $"the final status should still say resumed: {ExperimentWatch.Describe(done)}");
        Assert.True(done.Claims == 2, $"one takeover after the restart was expected, but the run was claimed {done.Claims} times");
        var results = await ResultsChecks.ReadAsync(cluster.Store, done);
        ResultsChecks.EveryTrackExactlyOnce(results, await ResultsChecks.ManifestIdsAsync(cluster.Store, Dataset));
        Assert.True(results.Notes.Any(n => n.Contains("resumed", StringComparison.OrdinalIgnoreCase)),
            $"results.json notes should say the run was resumed: {string.Join(" | ", results.Notes)}");

        // A finished experiment carries on across another restart: same status and results, nothing re-run.
        await RestartEverySiloAsync(cluster);
        var after = await ExperimentWatch.UntilAsync(() => cluster.Client, Id, _ => true, TimeSpan.FromSeconds(60), "status after the second restart");
        Assert.True(after.Stage == ExperimentStage.Done && after.Results == done.Results && after.UpdatedAt == done.UpdatedAt,
            $"a finished experiment should come back as it was ({ExperimentWatch.Describe(done)} at {done.UpdatedAt:O}), got {ExperimentWatch.Describe(after)} at {after.UpdatedAt:O}");
        var again = await ResultsChecks.ReadAsync(cluster.Store, after);
        Assert.True(again.CompletedAt == results.CompletedAt, $"results.json was rewritten ({results.CompletedAt:O} -> {again.CompletedAt:O}); the run should not repeat");
    }

    private async Task RestartEverySiloAsync(ReliabilityCluster cluster)
    {
        var dead = cluster.Running.ToList();
        foreach (var silo in dead)
        {
            cluster.Kill(silo);
        }

        await Task.WhenAll(dead.Select(cluster.RestartAsync));
        // A fresh client, as a new `cluster watch` process would be.
        await cluster.ReconnectClientAsync();
        output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} restarted {string.Join(", ", dead.Select(s => s.Name))}");
    }
}
