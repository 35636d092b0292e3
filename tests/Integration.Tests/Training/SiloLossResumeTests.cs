using MusicClustering.Contracts;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>
/// The GPU silo dies mid-training: the next call activates the trainer on the remaining (CPU) silo, which resumes from
/// the last checkpoint. Has its own cluster, since it kills a silo.
/// </summary>
public sealed class SiloLossResumeTests(GpuClusterFixture fixture) : IClassFixture<GpuClusterFixture>
{
    [Fact]
    public async Task A_run_whose_silo_died_resumes_on_another_silo_from_the_last_checkpoint()
    {
        var scenario = new TrainingScenario(fixture.Store);
        var request = await scenario.RequestAsync("silo-loss-data");
        var trainer = fixture.Client.GetGrain<ITrainerGrain>("silo-loss");
        var gpu = fixture.GpuSilo;
        var cpu = fixture.Cluster.Silos.Single(s => s != gpu);

        await trainer.StartAsync(request);
        var before = await TrainingScenario.WaitAsync(trainer, s => s.CheckpointEpoch >= 2 || s.State != TrainingState.Running);
        Assert.Equal(TrainingState.Running, before.State);
        Assert.Equal($"{gpu.Name}@{gpu.SiloAddress.Endpoint}", before.Silo);
        await fixture.Cluster.KillSiloAsync(gpu);

        var after = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running, retryFailures: true);

        Assert.Equal(TrainingState.Completed, after.State);
        Assert.Equal($"{cpu.Name}@{cpu.SiloAddress.Endpoint}", after.Silo);
        Assert.InRange(after.ResumedFromEpoch, 2, TrainingScenario.Epochs - 2);
        Assert.Equal("cpu", after.Device);
        var diagnostics = await scenario.ReadDiagnosticsAsync(after);
        Assert.Equal(Enumerable.Range(1, TrainingScenario.Epochs), diagnostics.History.Select(h => h.Number));
    }
}
