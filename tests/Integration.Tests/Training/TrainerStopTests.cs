using MusicClustering.Contracts;
using MusicClustering.Grains;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Training;

/// <summary>
/// `cluster cancel` during training: the experiment's cancel request blob, named in the training request, stops the
/// trainer at its owner's next heartbeat on whichever silo it trains, instead of letting it train to the end.
/// </summary>
[Collection(GpuClusterCollection.Name)]
public sealed class TrainerStopTests(GpuClusterFixture fixture)
{
    private const int ManyEpochs = 2000;

    [Fact]
    public async Task A_trainer_stops_where_it_stands_once_its_stop_request_appears()
    {
        var id = $"stopped-trainer-{Guid.NewGuid():N}"[..24];
        var stop = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(id, "cancel.json"));
        var request = await new TrainingScenario(fixture.Store).RequestAsync($"{id}-data") with { Epochs = ManyEpochs };
        var trainer = fixture.Client.GetGrain<ITrainerGrain>(id);
        await trainer.StartAsync(request with { StopRequest = stop });
        var running = await TrainingScenario.WaitAsync(trainer, s => s.State == TrainingState.Running && s.Epoch >= 2);

        await fixture.Store.UploadAsync(stop, BinaryData.FromString("{}"), overwrite: true);
        var stopped = await TrainingScenario.WaitAsync(trainer, s => s.State != TrainingState.Running);

        Assert.Equal(TrainingState.Failed, stopped.State);
        Assert.Equal(TrainerGrain.StoppedError, stopped.Error);
        Assert.True(stopped.Epoch < ManyEpochs, $"stopped at epoch {stopped.Epoch} of {ManyEpochs}, having run {running.Epoch} when asked");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(stopped.Epoch, (await trainer.GetStatusAsync()).Epoch);
    }
}
