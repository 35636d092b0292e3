namespace MusicClustering.Contracts;

/// <summary>A trained VAE's disentanglement diagnostics on its latent means: what results.json reports of them.</summary>
[GenerateSerializer, Immutable, Alias("mc.LatentDiagnostics")]
public sealed record LatentDiagnostics(
    [property: Id(0)] int ActiveUnits,
    [property: Id(1)] double[] KlPerDimension,
    [property: Id(2)] double? TotalCorrelation,
    [property: Id(3)] double? ReconstructionError);
