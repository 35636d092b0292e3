namespace MusicClustering.Learning.Tests;

public sealed class VaeOptionsTests
{
    [Fact]
    public void Defaults_match_the_reference_setup()
    {
        var options = new VaeOptions();

        Assert.Equal([512, 256], options.HiddenSizes);
        Assert.Equal(16, options.LatentDim);
        Assert.Equal(1, options.Beta);
        Assert.Equal(50, options.Epochs);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(1e-3, options.LearningRate);
        Assert.True(options.Standardize);
        Assert.Equal("cpu", options.Device);
    }

    [Fact]
    public void Kl_warmup_rises_linearly_to_beta()
    {
        var options = new VaeOptions { Beta = 4, KlWarmupEpochs = 4 };

        Assert.Equal([1.0, 2.0, 3.0, 4.0, 4.0], Enumerable.Range(0, 5).Select(options.BetaAt));
        Assert.Equal(4, new VaeOptions { Beta = 4 }.BetaAt(0));
    }

    [Fact]
    public void Equality_compares_hidden_sizes_by_content()
    {
        Assert.Equal(new VaeOptions { HiddenSizes = [8, 4] }, new VaeOptions { HiddenSizes = new List<int> { 8, 4 } });
        Assert.NotEqual(new VaeOptions { HiddenSizes = [8, 4] }, new VaeOptions { HiddenSizes = [8, 5] });
        Assert.NotEqual(new VaeOptions(), new VaeOptions { Beta = 2 });
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement()
    {
        var stopping = new EarlyStopping(patience: 2, bestLoss: null, epochsSinceImprovement: 0);

        var decisions = new double?[] { 5, 4, 4.5, 3.9, null, 4.0, 4.1 }.Select(l => stopping.ShouldStop(l)).ToList();

        Assert.Equal([false, false, false, false, false, false, true], decisions);
        Assert.Equal(3.9, stopping.BestLoss);
    }
}
