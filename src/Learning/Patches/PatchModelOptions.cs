using System.Text.Json.Serialization;

namespace MusicClustering.Learning;

/// <summary>The representation models that learn from log-mel patches.</summary>
public enum PatchModelKind
{
    /// <summary>Convolutional (β-)VAE; a patch's embedding is its latent mean.</summary>
    ConvVae,

    /// <summary>SimCLR/CLMR-style encoder: two crops of one track are positives under NT-Xent.</summary>
    Contrastive,
}

/// <summary>How a track's patch embeddings become one vector.</summary>
public enum PatchPooling
{
    /// <summary>Mean over patches.</summary>
    Mean,

    /// <summary>Mean, then population standard deviation, over patches (twice the width).</summary>
    MeanStd,
}

/// <summary>Architecture, augmentation and training settings of a patch model. Defaults are the measured choice (README).</summary>
public sealed record PatchModelOptions
{
    public PatchModelKind Kind { get; init; } = PatchModelKind.ConvVae;

    /// <summary>Log-mel frames per patch; 128 frames at hop 512 and 22.05 kHz are 2.97 s.</summary>
    public int PatchFrames { get; init; } = 128;

    /// <summary>
    /// Output channels of the stride-2 3×3 convolutions; bands and frames must divide by 2^count. Narrow early layers
    /// (their activations are the largest) and 32 tracks per batch cut conv-vae's CPU time per patch 2.7–3.6× against
    /// [16, 32, 64, 64] with 16 tracks (README, Training time).
    /// </summary>
    public IReadOnlyList<int> Channels { get; init; } = [8, 16, 32, 64];

    /// <summary>Width of the dense layer after the convolutions.</summary>
    public int HiddenWidth { get; init; } = 256;

    /// <summary>Per-patch embedding width: the VAE's latent dimension, or the contrastive representation.</summary>
    public int EmbeddingDim { get; init; } = 32;

    /// <summary>Contrastive only: width of the projection head the loss sees (dropped for embedding).</summary>
    public int ProjectionDim { get; init; } = 64;

    /// <summary>ConvVae only: β; the reconstruction term is the summed squared error over a patch's bands × frames.</summary>
    public double Beta { get; init; } = 1;

    /// <summary>ConvVae only: epochs over which β rises linearly to <see cref="Beta"/>; 0 = full β from the start.</summary>
    public int KlWarmupEpochs { get; init; }

    /// <summary>Contrastive only: NT-Xent temperature τ.</summary>
    public double Temperature { get; init; } = 0.2;

    /// <summary>Contrastive augmentation: a uniform gain in ±GainDb dB per view.</summary>
    public double GainDb { get; init; } = 6;

    /// <summary>Contrastive augmentation: a spectral tilt, linear over the bands, of ±TiltDb dB from lowest to highest band.</summary>
    public double TiltDb { get; init; } = 6;

    /// <summary>Contrastive augmentation: Gaussian noise in dB with a per-view σ uniform in [0, NoiseDb].</summary>
    public double NoiseDb { get; init; } = 2;

    public int Epochs { get; init; } = 30;

    /// <summary>
    /// Tracks per mini-batch (the contrastive negatives are the other tracks of the batch). Per-op overhead is paid per
    /// batch, so 32 rather than 16 cut CPU time per patch by about a third.
    /// </summary>
    public int TracksPerBatch { get; init; } = 32;

    /// <summary>ConvVae only: random crops per track per batch (the contrastive model always takes two views).</summary>
    public int PatchesPerTrack { get; init; } = 2;

    public double LearningRate { get; init; } = 1e-3;

    public int Seed { get; init; }

    /// <summary>Embedding: patches every this many frames; 0 = half a patch.</summary>
    public int EmbedHopFrames { get; init; }

    public PatchPooling Pooling { get; init; } = PatchPooling.MeanStd;

    public int TorchThreads { get; init; } = 1;

    /// <summary>"cpu" or "cuda"; "cuda" falls back to the CPU when no GPU is available (see the result's Device).</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Call the checkpoint hook every this many epochs; 0 = never.</summary>
    public int CheckpointEveryEpochs { get; init; }

    [JsonIgnore]
    public int ViewsPerTrack => Kind == PatchModelKind.Contrastive ? 2 : PatchesPerTrack;

    [JsonIgnore]
    public int EffectiveEmbedHop => EmbedHopFrames > 0 ? EmbedHopFrames : Math.Max(1, PatchFrames / 2);

    /// <summary>Width of a track's pooled embedding.</summary>
    [JsonIgnore]
    public int TrackEmbeddingDim => Pooling == PatchPooling.MeanStd ? 2 * EmbeddingDim : EmbeddingDim;

    public void Validate(int bands)
    {
        var downsampling = 1 << Channels.Count;
        Require(Channels.Count > 0 && Channels.All(c => c > 0), "channels must be positive");
        Require(bands > 0 && bands % downsampling == 0, $"bands ({bands}) must divide by {downsampling} for {Channels.Count} stride-2 layers");
        Require(PatchFrames > 0 && PatchFrames % downsampling == 0, $"PatchFrames ({PatchFrames}) must divide by {downsampling}");
        Require(HiddenWidth > 0 && EmbeddingDim > 0 && ProjectionDim > 0, "widths must be positive");
        Require(Beta >= 0 && KlWarmupEpochs >= 0, "Beta and KlWarmupEpochs must not be negative");
        Require(Temperature > 0, "Temperature must be positive");
        Require(GainDb >= 0 && TiltDb >= 0 && NoiseDb >= 0, "augmentation strengths must not be negative");
        Require(Epochs >= 0, "Epochs must not be negative");
        Require(TracksPerBatch >= (Kind == PatchModelKind.Contrastive ? 2 : 1), "TracksPerBatch is too small (the contrastive model needs two)");
        Require(PatchesPerTrack > 0, "PatchesPerTrack must be positive");
        Require(LearningRate > 0, "LearningRate must be positive");
        Require(EmbedHopFrames >= 0, "EmbedHopFrames must not be negative");
        Require(TorchThreads > 0, "TorchThreads must be positive");
        Require(Device is "cpu" or "cuda", "Device must be \"cpu\" or \"cuda\"");
        Require(CheckpointEveryEpochs >= 0, "CheckpointEveryEpochs must not be negative");
    }

    /// <summary>β for a 0-based epoch with the linear KL warm-up (the fully connected VAE's schedule).</summary>
    public double BetaAt(int epoch) => KlWarmup.BetaAt(Beta, KlWarmupEpochs, epoch);

    /// <summary>Value equality including the channel list's contents.</summary>
    public bool Equals(PatchModelOptions? other) => other is not null && OptionsJson.Serialize(this) == OptionsJson.Serialize(other);

    public override int GetHashCode() => OptionsJson.Serialize(this).GetHashCode(StringComparison.Ordinal);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException($"Invalid patch model options: {message}.");
        }
    }
}
