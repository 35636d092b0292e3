using System.Diagnostics;
using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Grains.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Experiments;

/// <summary>
/// One experiment, one owner: the test plays a second activation of the same experiment (what a lost directory
/// partition produces after a silo crash) by writing the status claim itself, and checks that the grain neither runs
/// a live owner's experiment nor keeps writing once its own claim was taken.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ExperimentOwnershipTests(ClusterFixture fixture) : IDisposable
{
    // A silo no membership has seen: never declared dead, so only a lapsed heartbeat frees its claim.
    private const string ForeignOwner = "10.255.255.1:11111@1";
    private const int Tracks = 6;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(ClusterHarness.TestSiloSettings.OwnershipHeartbeatSeconds);
    private static readonly TimeSpan Lapse = TimeSpan.FromSeconds(ClusterHarness.TestSiloSettings.OwnershipLapseSeconds);

    private static readonly ExperimentStatusCodec Codec = ExperimentStatusCodec.Instance;

    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-owned-").FullName;

    [Fact]
    public async Task An_activation_follows_a_live_owner_and_resumes_the_run_only_once_the_owner_falls_silent()
    {
        const string id = "owned-live-run";
        var spec = await IngestAsync("owned-live", new(RepresentationModels.None));
        await ExperimentStore.WriteSpecOnceAsync(fixture.Store, id, spec, CancellationToken.None);
        var foreign = new ExperimentStatus(id, spec.Name, ExperimentStage.Extracting, 0, Tracks, "extracting features", null, null, DateTimeOffset.UtcNow)
        {
            Owner = ForeignOwner,
            Claims = 1,
        };
        var blob = new ExperimentBlobs(id).Status;
        var claim = await BlobClaim.TryCreateAsync(fixture.Store, blob, Codec.Encode(foreign));
        Assert.NotNull(claim);
        var experiment = fixture.Client.GetGrain<IExperimentGrain>(id);

        // The foreign owner heartbeats for twice the lapse: the grain must follow it, never take over.
        await HeartbeatAsync(claim, foreign, 2 * Lapse, async () =>
        {
            var seen = (await experiment.GetStatusAsync())!;
            Assert.True(seen.Owner == ForeignOwner && seen.Claims == 1 && seen.Stage == ExperimentStage.Extracting,
                $"the grain should follow the live owner, but reports owner {seen.Owner}, claim {seen.Claims}, {seen.Stage}");
            // The owner is no silo membership knows, so watch is told what will happen if it goes quiet.
            Assert.Contains("will be resumed here unless it heartbeats", seen.Message, StringComparison.Ordinal);
        });

        // Silence: the grain takes over within the lapse and completes the run.
        var done = await ExperimentRunner.WaitAsync(experiment);
        Assert.True(done.Stage == ExperimentStage.Done, $"the run should complete after the takeover: {done.Stage} {done.Error}");
        Assert.Equal(2, done.Claims);
        Assert.NotEqual(ForeignOwner, done.Owner);
        Assert.Contains("resumed", done.Message, StringComparison.Ordinal);
        Assert.False(await claim.TryWriteAsync(Codec.Encode(foreign)), "the silent owner must be fenced out after the takeover");
        var (_, results) = await ResultsReader.ReadAsync(fixture.Store, done.Results!, CancellationToken.None);
        Assert.Equal(Tracks, results.Tracks);
        Assert.Contains(results.Notes, n => n.Contains("resumed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_owner_whose_claim_is_taken_stops_writing_and_the_run_completes_under_one_owner_at_a_time()
    {
        const string id = "owned-stolen-run";
        // Enough epochs that the run is still training when the test takes its claim.
        var spec = await IngestAsync("owned-stolen", new(RepresentationModels.Vae, Dimensions: 4)) with
        {
            Training = new TrainingSpec(Epochs: 4000, BatchSize: 64),
        };
        var experiment = fixture.Client.GetGrain<IExperimentGrain>(id);
        await experiment.StartAsync(spec);

        var (claim, taken) = await TakeClaimDuringTrainingAsync(id);
        Assert.Equal(2, taken.Claims);

        // While the test heartbeats, every write succeeds: the grain stopped writing the moment it saw the claim gone.
        await HeartbeatAsync(claim, taken, 3 * Heartbeat, () => Task.CompletedTask);
        var following = (await experiment.GetStatusAsync())!;
        Assert.True(following.Owner == ForeignOwner, $"the grain should now follow the owner that took the claim, but reports {following.Owner}");

        // Silence again: the grain takes the run back and finishes it, reusing features and the running trainer.
        var done = await ExperimentRunner.WaitAsync(experiment);
        Assert.True(done.Stage == ExperimentStage.Done, $"the run should complete: {done.Stage} {done.Error}");
        Assert.Equal(3, done.Claims);
        var (_, results) = await ResultsReader.ReadAsync(fixture.Store, done.Results!, CancellationToken.None);
        Assert.Equal(Tracks, results.Tracks);
        Assert.Equal(Tracks, results.Features.Cached);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    private async Task<(BlobClaim Claim, ExperimentStatus Taken)> TakeClaimDuringTrainingAsync(string id)
    {
        var blob = new ExperimentBlobs(id).Status;
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (await fixture.Store.TryDownloadAsync(blob) is { } seen)
            {
                var status = Codec.Decode(seen.Content);
                Assert.False(status.IsFinished, $"the run ended ({status.Stage}) before the test could take its claim; give it more epochs");
                if (status.Stage == ExperimentStage.Training)
                {
                    var taken = status with { Owner = ForeignOwner, Claims = status.Claims + 1 };
                    // Fails when the owner's heartbeat landed between the read and this write; then read again.
                    if (await BlobClaim.TryTakeOverAsync(fixture.Store, blob, seen.ETag, Codec.Encode(taken)) is { } claim)
                    {
                        return (claim, taken);
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the experiment never reached training");
    }

    private static async Task HeartbeatAsync(BlobClaim claim, ExperimentStatus status, TimeSpan duration, Func<Task> check)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < duration)
        {
            Assert.True(await claim.TryWriteAsync(Codec.Encode(status)), $"the grain wrote the status blob {watch.Elapsed} into another owner's heartbeat");
            await check();
            await Task.Delay(Heartbeat);
        }
    }

    private async Task<ExperimentSpec> IngestAsync(string dataset, RepresentationSpec representation)
    {
        var folder = Path.Combine(_corpus, dataset);
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: Tracks / 2, Seconds: 2, Seed: 17), folder);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync(dataset, DatasetScanner.Scan(folder), null, null, CancellationToken.None);
        return new ExperimentSpec(dataset, dataset, Representations: [representation], K: 2, Tsne: false);
    }
}
