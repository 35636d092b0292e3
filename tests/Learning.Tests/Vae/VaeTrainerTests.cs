namespace MusicClustering.Learning.Tests;

public sealed class VaeTrainerTests
{
    private const int Rows = 240;
    private const int Columns = 12;

    private static readonly float[] Data = SyntheticData.Blobs(Rows, Columns, clusters: 4, seed: 3);

    private static readonly VaeOptions Small = new()
    {
        HiddenSizes = [32, 16],
        LatentDim = 4,
        Epochs = 6,
        BatchSize = 32,
        Seed = 7,
    };

    private static VaeTrainingResult Train(VaeOptions options, VaeCheckpoint? resumeFrom = null, Action<VaeCheckpoint>? onCheckpoint = null) =>
        new VaeTrainer().Train(new VaeTrainingInput(Data, Rows, Columns, resumeFrom, onCheckpoint), options, null, CancellationToken.None);

    [Fact]
    public void Training_reduces_the_loss_and_reports_every_epoch()
    {
        var reports = new List<EpochProgress>();

        var result = new VaeTrainer().Train(
            new VaeTrainingInput(Data, Rows, Columns), Small with { Epochs = 20 }, new SynchronousProgress<EpochProgress>(reports.Add), CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 20), reports.Select(r => r.Epoch));
        Assert.Equal(reports, result.History);
        Assert.All(reports, r => Assert.Equal(20, r.TotalEpochs));
        Assert.True(result.History[^1].Loss < result.History[0].Loss * 0.8, $"loss {result.History[0].Loss} -> {result.History[^1].Loss}");
        Assert.All(reports, r => Assert.Equal(r.Reconstruction + r.Kl, r.Loss, 1e-3));
        Assert.Equal(Rows * 4, result.LatentMeans.Length);
        Assert.Equal(4, result.LatentDim);
        Assert.All(result.LatentMeans, v => Assert.True(float.IsFinite(v)));
        Assert.Equal("cpu", result.Device);
        Assert.InRange(result.FinalReconstructionError, 0, Columns);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_give_bit_identical_latents()
    {
        var first = Train(Small);
        var second = Train(Small);
        var otherSeed = Train(Small with { Seed = 8 });

        Assert.Equal(first.LatentMeans, second.LatentMeans);
        Assert.Equal(first.History.Select(h => h.Loss), second.History.Select(h => h.Loss));
        Assert.NotEqual(first.LatentMeans, otherSeed.LatentMeans);
    }

    [Fact]
    public void Concurrent_runs_do_not_disturb_each_others_randomness()
    {
        var sequential = Train(Small);

        var results = new VaeTrainingResult[2];
        var threads = Enumerable.Range(0, 2).Select(i => new Thread(() => results[i] = Train(Small))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Equal(sequential.LatentMeans, results[0].LatentMeans);
        Assert.Equal(sequential.LatentMeans, results[1].LatentMeans);
    }

    [Fact]
    public void Resuming_from_a_serialized_checkpoint_finishes_exactly_like_an_uninterrupted_run()
    {
        var checkpoints = new List<VaeCheckpoint>();
        var options = Small with { CheckpointEveryEpochs = 2 };
        var uninterrupted = Train(options, onCheckpoint: checkpoints.Add);

        Assert.Equal([2, 4, 6], checkpoints.Select(c => c.Epoch));
        var restored = VaeCheckpoint.FromBytes(checkpoints[0].ToBytes());
        Assert.Equal(2, restored.Epoch);
        Assert.Equal(checkpoints[0].History, restored.History);
        Assert.Equal(checkpoints[0].ModelState, restored.ModelState);
        Assert.Equal(checkpoints[0].Scaler.Mean, restored.Scaler.Mean);
        Assert.Equal(options, restored.Options);

        var resumed = Train(options, resumeFrom: restored);

        Assert.Equal([1, 2, 3, 4, 5, 6], resumed.History.Select(h => h.Epoch));
        Assert.Equal(uninterrupted.LatentMeans, resumed.LatentMeans);
    }

    [Fact]
    public void Model_bytes_reload_and_encode_the_same_latents()
    {
        var result = Train(Small);

        using var model = VaeModelFile.Load(result.ModelBytes);

        Assert.Equal(Columns, model.Columns);
        Assert.Equal(4, model.LatentDim);
        Assert.Equal(result.LatentMeans, model.Encode(Data));
        Assert.Equal(result.FinalReconstructionError, model.ReconstructionError(Data), 1e-6);
    }

    [Fact]
    public void Higher_beta_pushes_the_posterior_closer_to_the_prior()
    {
        var loose = Train(Small with { Beta = 0.25, Epochs = 10 });
        var strict = Train(Small with { Beta = 8, Epochs = 10 });

        Assert.True(strict.History[^1].Kl < loose.History[^1].Kl * 0.5, $"KL β=8 {strict.History[^1].Kl}, β=0.25 {loose.History[^1].Kl}");
    }

    [Fact]
    public void Validation_split_reports_a_validation_loss()
    {
        var result = Train(Small with { ValidationFraction = 0.25, Epochs = 3 });

        Assert.All(result.History, h => Assert.True(h.ValidationLoss is > 0 and < double.MaxValue));
        Assert.Equal(Rows * 4, result.LatentMeans.Length);
    }

    [Fact]
    public void Early_stopping_ends_training_once_validation_stops_improving()
    {
        var result = Train(Small with { ValidationFraction = 0.5, EarlyStoppingPatience = 1, Epochs = 300, LearningRate = 1e-2 });

        Assert.InRange(result.History.Count, 2, 299);
        var last = result.History[^1].ValidationLoss;
        Assert.True(last >= result.History.Min(h => h.ValidationLoss), "the last epoch cannot be a new best");
        Assert.Equal(Rows * 4, result.LatentMeans.Length);
    }

    [Fact]
    public void Cuda_falls_back_to_cpu_when_no_gpu_is_present()
    {
        var result = Train(Small with { Device = "cuda", Epochs = 1 });

        Assert.Equal(TorchSharp.torch.cuda.is_available() ? "cuda" : "cpu", result.Device);
    }

    [Fact]
    public void Cancellation_stops_training()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(
            () => new VaeTrainer().Train(new VaeTrainingInput(Data, Rows, Columns), Small, null, cancellation.Token));
    }

    [Fact]
    public void Mismatched_data_or_options_are_rejected()
    {
        var trainer = new VaeTrainer();

        Assert.Throws<ArgumentException>(() => trainer.Train(new VaeTrainingInput(Data, Rows + 1, Columns), Small, null, CancellationToken.None));
        Assert.Throws<ArgumentException>(() => Train(Small with { LatentDim = 0 }));
        Assert.Throws<ArgumentException>(() => Train(Small with { EarlyStoppingPatience = 2 }));
    }

    /// <summary>Reports inline; <see cref="Progress{T}"/> would post to the thread pool and race the assertions.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
