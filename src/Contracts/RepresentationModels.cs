namespace MusicClustering.Contracts;

public static class RepresentationModels
{
    public const string Vae = "vae";
    public const string BetaVae = "beta-vae";
    public const string Pca = "pca";
    public const string None = "none";

    /// <summary>A 2-D Barnes–Hut t-SNE of the standardised vectors: it keeps neighbourhoods, not distances.</summary>
    public const string Tsne = "tsne";

    /// <summary>Embeddings from a user-supplied ONNX encoder, computed on the track grains (<see cref="OnnxSpec"/>).</summary>
    public const string Onnx = "onnx";

    public static readonly string[] All = [Vae, BetaVae, Pca, Tsne, None, Onnx, .. PatchRepresentationModels.All];
}
