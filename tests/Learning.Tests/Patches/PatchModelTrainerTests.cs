namespace MusicClustering.Learning.Tests;

public sealed class PatchModelTrainerTests
{
    private static readonly InMemoryPatchSource Source = new(SyntheticSpectrograms.Make(tracks: 24, styles: 3, bands: 16, frames: 48, seed: 4));

    private static readonly PatchModelOptions Small = new()
    {
        PatchFrames = 16,
        Channels = [4, 8],
        HiddenWidth = 16,
        EmbeddingDim = 4,
        ProjectionDim = 8,
        Epochs = 4,
        TracksPerBatch = 6,
        Seed = 11,
    };

    public static TheoryData<PatchModelKind> Kinds => [PatchModelKind.ConvVae, PatchModelKind.Contrastive];

    private static PatchModelResult Train(PatchModelOptions options, PatchModelCheckpoint? resumeFrom = null, Action<PatchModelCheckpoint>? onCheckpoint = null) =>
        new PatchModelTrainer().Train(new PatchTrainingInput(Source, resumeFrom, onCheckpoint), options, null, CancellationToken.None);

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Training_reduces_the_loss_and_embeds_every_track(PatchModelKind kind)
    {
        var result = Train(Small with { Kind = kind, Epochs = 20, LearningRate = 3e-3 });

        Assert.Equal(Enumerable.Range(1, 20), result.History.Select(h => h.Epoch));
        var early = result.History.Take(2).Average(h => h.Loss);
        var late = result.History.TakeLast(2).Average(h => h.Loss);
        Assert.True(late < early * 0.9, $"{kind}: loss {early} -> {late}");
        Assert.Equal(24, result.Tracks);
        Assert.Equal(8, result.Dimension);
        Assert.Equal(24 * 8, result.Embeddings.Length);
        Assert.All(result.Embeddings, v => Assert.True(float.IsFinite(v)));
        Assert.Equal("cpu", result.Device);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Two_runs_with_the_same_seed_give_identical_models(PatchModelKind kind)
    {
        var options = Small with { Kind = kind, Epochs = 2 };
        var first = Train(options);
        var second = Train(options);
        var otherSeed = Train(options with { Seed = 12 });

        Assert.Equal(first.ModelBytes, second.ModelBytes);
        Assert.Equal(first.Embeddings, second.Embeddings);
        Assert.NotEqual(first.Embeddings, otherSeed.Embeddings);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Resuming_from_a_checkpoint_read_back_from_a_stream_continues_byte_for_byte(PatchModelKind kind)
    {
        var checkpoints = new List<PatchModelCheckpoint>();
        var options = Small with { Kind = kind, CheckpointEveryEpochs = 2 };
        var uninterrupted = Train(options, onCheckpoint: checkpoints.Add);

        Assert.Equal([2, 4], checkpoints.Select(c => c.Epoch));
        using var stream = new MemoryStream();
        checkpoints[0].WriteTo(stream);
        stream.Position = 0;
        var restored = PatchModelCheckpoint.ReadFrom(stream);
        Assert.Equal(checkpoints[0].ToBytes(), restored.ToBytes());

        var resumed = Train(options, resumeFrom: restored);

        Assert.Equal(uninterrupted.ModelBytes, resumed.ModelBytes);
        Assert.Equal(uninterrupted.Embeddings, resumed.Embeddings);
        Assert.Equal(uninterrupted.History.Select(h => h.Loss), resumed.History.Select(h => h.Loss));
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused()
    {
        PatchModelCheckpoint? checkpoint = null;
        Train(Small with { Epochs = 1, CheckpointEveryEpochs = 1 }, onCheckpoint: c => checkpoint = c);

        Assert.Throws<ArgumentException>(() => Train(Small with { Channels = [4, 4] }, resumeFrom: checkpoint));
        Assert.Throws<ArgumentException>(() => Train(Small with { Kind = PatchModelKind.Contrastive }, resumeFrom: checkpoint));
    }

    [Fact]
    public void The_saved_model_embeds_like_the_trainer_and_has_the_vae_diagnostics()
    {
        var result = Train(Small with { Epochs = 20, LearningRate = 3e-3 });
        using var model = PatchModelFile.Load(result.ModelBytes);

        Assert.Equal(result.Embeddings, model.Embed(Source));
        var report = model.Diagnose(Source);
        Assert.Equal(4, report.KlPerDimension.Count);
        Assert.InRange(report.ActiveUnits, 1, 4);
        Assert.True(report.ReconstructionError > 0);
        var traversal = LatentTraversal.Compute(model, steps: 3);
        Assert.Equal(4 * 3 * 16 * 16, traversal.Decoded.Length);
        Assert.NotEqual(traversal.At(0, 0, 10), traversal.At(0, 2, 10));
    }

    [Fact]
    public void Bad_options_and_mismatched_sources_are_refused_with_a_reason()
    {
        var odd = Assert.Throws<ArgumentException>(() => Train(Small with { PatchFrames = 18 }));
        Assert.Contains("PatchFrames", odd.Message);
        Assert.Throws<ArgumentException>(() => Train(Small with { Kind = PatchModelKind.Contrastive, TracksPerBatch = 1 }));

        using var model = PatchModelFile.Load(Train(Small with { Epochs = 1 }).ModelBytes);
        var otherBands = new InMemoryPatchSource(SyntheticSpectrograms.Make(tracks: 2, styles: 1, bands: 8, frames: 32, seed: 1));
        Assert.Throws<ArgumentException>(() => model.Embed(otherBands));
    }
}
