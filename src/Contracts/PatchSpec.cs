using System.Text.Json.Serialization;

namespace MusicClustering.Contracts;

/// <summary>
/// The settings of a patch model (<c>conv-vae</c>, <c>contrastive</c>) a spec may set, its <c>patches</c> section in
/// snake_case: latent width, batch shape, pooling and architecture. A null field keeps the measured default of
/// <c>PatchModelOptions</c>, so a spec written before a default changed keeps following it. <c>Pooling</c> is
/// <c>mean</c> or <c>mean-std</c>, as in the <c>onnx</c> section.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.PatchSpec")]
public sealed record PatchSpec(
    [property: Id(0), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? LatentDim = null,
    [property: Id(1), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? TracksPerBatch = null,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CropsPerTrack = null,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Pooling = null,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PatchFrames = null,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int[]? Channels = null,
    [property: Id(6), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? HiddenWidth = null,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Temperature = null,
    [property: Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? GainDb = null,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? TiltDb = null,
    [property: Id(10), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NoiseDb = null);
