namespace MusicClustering.Contracts;

/// <summary>
/// The representations learned from log-mel patches of the audio (not from the feature vectors): a convolutional
/// (β-)VAE and a contrastive encoder. They are trained on the trainer grains like the fully connected VAE.
/// </summary>
public static class PatchRepresentationModels
{
    /// <summary>Convolutional (β-)VAE over 128-band × 128-frame log-mel patches; β applies.</summary>
    public const string ConvVae = "conv-vae";

    /// <summary>SimCLR/CLMR-style encoder trained with NT-Xent on two crops of each track.</summary>
    public const string Contrastive = "contrastive";

    public static readonly string[] All = [ConvVae, Contrastive];

    public static bool Contains(string model) => model is ConvVae or Contrastive;
}
