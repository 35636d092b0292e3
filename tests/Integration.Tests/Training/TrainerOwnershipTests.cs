using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using MusicClustering.Contracts;
using MusicClustering.Grains.Training;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>
/// One training run, one owner: the test plays another activation that owns the run (its claim blob heartbeating), and
/// checks that the trainer grain reports that owner's progress instead of training too, then resumes the run from the
/// checkpoint once the owner falls silent.
/// </summary>
[Collection(GpuClusterCollection.Name)]
public sealed class TrainerOwnershipTests(GpuClusterFixture fixture)
{
    private const string ForeignOwner = "10.255.255.2:11111@1";
    private const string ForeignName = "elsewhere@10.255.255.2:11111";
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(ClusterHarness.TestSiloSettings.OwnershipHeartbeatSeconds);
    private static readonly TimeSpan Lapse = TimeSpan.FromSeconds(ClusterHarness.TestSiloSettings.OwnershipLapseSeconds);

    private static readonly TrainingStatusCodec Codec = TrainingStatusCodec.Instance;

    [Fact]
    public async Task A_trainer_follows_a_live_owner_and_resumes_the_run_once_the_owner_falls_silent()
    {
        var id = $"owned-trainer-{Guid.NewGuid():N}"[..24];
        var scenario = new TrainingScenario(fixture.Store);
        var request = await scenario.RequestAsync($"{id}-data");
        var blobs = new TrainingBlobs(id);
        await new TrainingRunStore(fixture.Store, blobs, NullLogger.Instance).BeginAsync(request, CancellationToken.None);
        var foreign = TrainingStatus.NotStarted with { State = TrainingState.Running, Epoch = 3, Silo = ForeignName, Owner = ForeignOwner, Claims = 1 };
        var claim = await BlobClaim.TryCreateAsync(fixture.Store, blobs.Status, Codec.Encode(foreign));
        Assert.NotNull(claim);
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(id);

        // The owner heartbeats for twice the lapse: the grain reports its progress and never trains itself.
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < 2 * Lapse)
        {
            Assert.True(await claim.TryWriteAsync(Codec.Encode(foreign)), $"the trainer took over a live owner's run {watch.Elapsed} in");
            var following = await trainer.GetStatusAsync();
            Assert.True(following.State == TrainingState.Running && following.Silo == ForeignName && following.Epoch == 3,
                $"the trainer should report the owner's progress, got {following.State} on {following.Silo} at epoch {following.Epoch}");
            await Task.Delay(Heartbeat);
        }

        Assert.False(await fixture.Store.ExistsAsync(blobs.Checkpoint.Container, blobs.Checkpoint.Name), "a follower must not write checkpoints");

        // Silence: the trainer takes the run over and completes it.
        var done = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);
        Assert.Equal(TrainingState.Completed, done.State);
        Assert.Equal(TrainingScenario.Epochs, done.Epoch);
        Assert.NotEqual(ForeignName, done.Silo);
        Assert.False(await claim.TryWriteAsync(Codec.Encode(foreign)), "the silent owner must be fenced out after the takeover");
        var taken = Codec.Decode(await fixture.Store.DownloadAsync(blobs.Status));
        Assert.Equal(2, taken.Claims);
    }
}
