namespace MusicClustering.Contracts;

public static class RepresentationModels
{
    public const string Vae = "vae";
    public const string BetaVae = "beta-vae";
    public const string Pca = "pca";
    public const string None = "none";

    public static readonly string[] All = [Vae, BetaVae, Pca, None];
}
