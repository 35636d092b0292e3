using System.Text.Json;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Grains.Training;
using MusicClustering.Learning;
using MusicClustering.Reliability.Tests.Infrastructure;

namespace MusicClustering.Reliability.Tests;

/// <summary>
/// Fault row 2: the silo hosting the trainer grain is killed (SIGKILL) mid-training, after a checkpoint. The next
/// call activates the trainer on another silo, which resumes from models/{run}/checkpoint.bin and completes.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class TrainerSiloKillTests(ITestOutputHelper output)
{
    private const string Dataset = "trainer-kill";
    private const string Id = "trainer-kill-run";
    private const int Epochs = 600;
    private const int CheckpointEvery = 5;

    [Fact]
    public async Task Killing_the_trainer_silo_resumes_training_from_the_checkpoint_on_another_silo()
    {
        await using var cluster = await ReliabilityCluster.StartAsync(output, silos: 3);
        await TestCorpus.IngestAsync(cluster, Dataset, new SyntheticCorpusOptions(Genres: 4, PerGenre: 8, Seconds: 2, Seed: 41));
        var spec = new ExperimentSpec(Dataset, Dataset, Representations: [new(RepresentationModels.Vae)], K: 4, Tsne: false,
            Training: new TrainingSpec(Epochs: Epochs));
        await cluster.Client.GetGrain<IExperimentGrain>(Id).StartAsync(spec);
        var runId = TrainerKey(spec);
        var trainer = cluster.Client.GetGrain<ITrainerGrain>(runId);

        var experimentHost = await cluster.HostOfAsync(cluster.Client.GetGrain<IExperimentGrain>(Id));
        var training = await UntilTrainerAsync(trainer, s => s.State == TrainingState.Running && s.CheckpointEpoch >= CheckpointEvery && s.Epoch > CheckpointEvery, "a checkpoint");
        var victim = cluster.Running.Single(s => s.Hosts(training.Silo));
        cluster.Kill(victim);
        // A checkpoint Put already sent may still land; after that nothing writes it until the trainer is reactivated,
        // which waits for death detection (several probe timeouts). So the blob read now is the one to resume from.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var blobs = new TrainingBlobs(runId);
        var checkpoint = await cluster.Store.TryDownloadAsync(blobs.Checkpoint.Container, blobs.Checkpoint.Name);
        Assert.True(checkpoint is not null, $"{blobs.Checkpoint} should exist when the trainer's silo dies after epoch {training.Epoch}");
        var lastCheckpoint = VaeCheckpoint.FromBytes(checkpoint!.Value.Content.ToArray()).Epoch;
        output.WriteLine($"killed trainer silo {victim.Name} (experiment grain on {experimentHost.Name}) after epoch {training.Epoch}; last checkpoint: epoch {lastCheckpoint}");
        Assert.True(lastCheckpoint < Epochs, $"the kill must land mid-training, but the checkpoint is at epoch {lastCheckpoint}/{Epochs}; use more epochs");

        var done = await ExperimentWatch.FinishedAsync(() => cluster.Client, Id, TimeSpan.FromMinutes(4), Trace(), output.WriteLine);
        var results = await ResultsChecks.ReadAsync(cluster.Store, done);
        var final = await UntilTrainerAsync(trainer, s => s.State is TrainingState.Completed or TrainingState.Failed, "the trainer's outcome");
        output.WriteLine($"trainer finished on {final.Silo}: epoch {final.Epoch}, resumed from {final.ResumedFromEpoch}");
        Assert.True(final.State == TrainingState.Completed, $"training should complete, got {final.State}: {final.Error}");
        Assert.False(victim.Hosts(final.Silo), $"training should finish on another silo than the killed {victim.Name}, got {final.Silo}");
        Assert.True(final.ResumedFromEpoch == lastCheckpoint,
            $"training should resume from the last checkpoint before the kill (epoch {lastCheckpoint}), resumed from {final.ResumedFromEpoch}");
        Assert.True(final.Epoch == Epochs && results.Model.Epochs == Epochs, $"expected {Epochs} epochs, trainer says {final.Epoch}, results say {results.Model.Epochs}");

        var diagnostics = await cluster.Store.TryDownloadAsync(blobs.Diagnostics.Container, blobs.Diagnostics.Name);
        Assert.True(diagnostics is not null, $"{blobs.Diagnostics} should exist");
        using var document = JsonDocument.Parse(diagnostics!.Value.Content.ToString());
        Assert.Equal(final.ResumedFromEpoch, document.RootElement.GetProperty("resumed_from_epoch").GetInt32());
        var history = document.RootElement.GetProperty("history").GetArrayLength();
        Assert.True(history == Epochs, $"the epoch history should cover all {Epochs} epochs across both silos, has {history}");
    }

    /// <summary>Logs each change of the experiment's stage or message, with a timestamp, for a slow or failed run.</summary>
    private Action<ExperimentStatus> Trace()
    {
        var last = "";
        return status =>
        {
            var now = $"{status.Stage} '{status.Message}'";
            if (now != last)
            {
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {now} {status.Done}/{status.Total}");
                last = now;
            }
        };
    }

    private static string TrainerKey(ExperimentSpec spec) =>
        $"{Id}--{PlannedRepresentation.Plan(spec).Single(p => p.Spec.IsTrained).Key}";

    private static async Task<TrainingStatus> UntilTrainerAsync(ITrainerGrain trainer, Func<TrainingStatus, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        TrainingStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var call = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                last = await trainer.GetStatusAsync(call.Token);
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException)
            {
                // The trainer's silo is being declared dead; the next call reactivates it elsewhere.
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"trainer: no {what} within 3 minutes; last {last?.State} epoch {last?.Epoch} checkpoint {last?.CheckpointEpoch} on {last?.Silo}");
    }
}
