namespace MusicClustering.Learning;

/// <summary>Architecture and training settings of a (β-)VAE; β &gt; 1 gives a β-VAE.</summary>
public sealed record VaeOptions
{
    /// <summary>Encoder hidden layer widths; the decoder mirrors them.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [512, 256];

    public int LatentDim { get; init; } = 16;

    public double Beta { get; init; } = 1;

    public int Epochs { get; init; } = 50;

    public int BatchSize { get; init; } = 32;

    public double LearningRate { get; init; } = 1e-3;

    public int Seed { get; init; }

    /// <summary>Epochs over which β rises linearly from β/n to β; 0 = full β from the start.</summary>
    public int KlWarmupEpochs { get; init; }

    /// <summary>Fit per-column mean/std (ddof 0) on the training data; stored with the model.</summary>
    public bool Standardize { get; init; } = true;

    /// <summary>Share of rows held out (chosen by the seed) to compute a validation loss.</summary>
    public double ValidationFraction { get; init; }

    /// <summary>Stop after this many epochs without validation improvement; 0 = off. Needs a validation set; the last weights are kept.</summary>
    public int EarlyStoppingPatience { get; init; }

    public int TorchThreads { get; init; } = 1;

    /// <summary>"cpu" or "cuda"; "cuda" falls back to CPU when no GPU is available (see the result's Device).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Call <see cref="VaeTrainingInput.OnCheckpoint"/> every this many epochs; 0 = never.</summary>
    public int CheckpointEveryEpochs { get; init; }

    public void Validate(int columns)
    {
        Require(columns > 0, "there must be at least one column");
        Require(HiddenSizes.Count > 0 && HiddenSizes.All(h => h > 0), "hidden sizes must be positive");
        Require(LatentDim > 0, "LatentDim must be positive");
        Require(Beta >= 0, "Beta must not be negative");
        Require(Epochs >= 0, "Epochs must not be negative");
        Require(BatchSize > 0, "BatchSize must be positive");
        Require(LearningRate > 0, "LearningRate must be positive");
        Require(KlWarmupEpochs >= 0, "KlWarmupEpochs must not be negative");
        Require(ValidationFraction is >= 0 and < 1, "ValidationFraction must be in [0, 1)");
        Require(EarlyStoppingPatience >= 0, "EarlyStoppingPatience must not be negative");
        Require(EarlyStoppingPatience == 0 || ValidationFraction > 0, "early stopping needs a ValidationFraction");
        Require(TorchThreads > 0, "TorchThreads must be positive");
        Require(Device is "cpu" or "cuda", "Device must be \"cpu\" or \"cuda\"");
        Require(CheckpointEveryEpochs >= 0, "CheckpointEveryEpochs must not be negative");
    }

    /// <summary>Value equality including the hidden sizes' contents (the generated one compares list references).</summary>
    public bool Equals(VaeOptions? other) =>
        other is not null && OptionsJson.Serialize(this) == OptionsJson.Serialize(other);

    public override int GetHashCode() => OptionsJson.Serialize(this).GetHashCode(StringComparison.Ordinal);

    /// <summary>β for a 0-based epoch, applying the linear KL warm-up.</summary>
    public double BetaAt(int epoch) => KlWarmup.BetaAt(Beta, KlWarmupEpochs, epoch);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid VAE options: {message}.");
        }
    }
}
