using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// One representation of the tracks to cluster: <c>vae</c>, <c>beta-vae</c> (with β), <c>pca</c> (with its
/// component count), <c>tsne</c> (a 2-D embedding), <c>none</c> (the standardised track vectors), <c>onnx</c> (a user's
/// exported encoder, <see cref="Onnx"/>), or a patch model (<see cref="PatchRepresentationModels"/>: <c>conv-vae</c>
/// with β, <c>contrastive</c>; their settings in <see cref="Patches"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.RepresentationSpec")]
public sealed record RepresentationSpec(
    [property: Id(0)] string Model = RepresentationModels.Vae,
    [property: Id(1)] double Beta = 1.0,
    [property: Id(2)] int Dimensions = 16,
    [property: Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OnnxSpec? Onnx = null,
    [property: Id(11), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PatchSpec? Patches = null)
{
    /// <summary>A short name for tables and blob names, e.g. <c>vae</c>, <c>beta-vae(b=4)</c>, <c>pca16</c>, <c>raw</c>.</summary>
    public string Label => Model switch
    {
        RepresentationModels.None => "raw",
        RepresentationModels.Pca => $"pca{Dimensions}",
        RepresentationModels.Tsne => "tsne",
        RepresentationModels.Onnx => "onnx",
        RepresentationModels.BetaVae => $"beta-vae(b={Beta:0.###})",
        PatchRepresentationModels.ConvVae => Beta == 1.0 ? "conv-vae" : $"conv-vae(b={Beta:0.###})",
        PatchRepresentationModels.Contrastive => "contrastive",
        _ => Beta == 1.0 ? "vae" : $"vae(b={Beta:0.###})",
    };

    public bool IsTrained => Model is RepresentationModels.Vae or RepresentationModels.BetaVae || LearnsFromPatches;

    /// <summary>Trained on log-mel patches of the audio rather than on the feature vectors (derived, so not in the spec's JSON).</summary>
    [JsonIgnore]
    public bool LearnsFromPatches => PatchRepresentationModels.Contains(Model);
}
