namespace MusicClustering.Contracts;

public static class RepresentationModels
{
    public const string Vae = "vae";
    public const string BetaVae = "beta-vae";
    public const string Pca = "pca";
    public const string None = "none";

    /// <summary>A 2-D Barnes–Hut t-SNE of the standardised vectors: it keeps neighbourhoods, not distances.</summary>
    public const string Tsne = "tsne";

    public static readonly string[] All = [Vae, BetaVae, Pca, Tsne, None, .. PatchRepresentationModels.All];
}
