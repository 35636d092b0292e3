using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>A representation to build for one seed; baselines are added by the experiment, not asked for.</summary>
public sealed record PlannedRepresentation(RepresentationSpec Spec, int Seed, bool Baseline)
{
    /// <summary>A blob-safe key, unique within an experiment, e.g. <c>beta-vae-b4-d16-s0</c>.</summary>
    public string Key => FormattableString.Invariant($"{Spec.Model}-b{Spec.Beta:0.###}-d{Spec.Dimensions}-s{Seed}");

    /// <summary>
    /// Every requested representation for every seed, then the baselines every report carries (K-Means on the raw
    /// standardised vectors and on 16 PCA components) unless the spec already has them.
    /// </summary>
    public static IReadOnlyList<PlannedRepresentation> Plan(ExperimentSpec spec)
    {
        var planned = new List<PlannedRepresentation>();
        foreach (var representation in spec.EffectiveRepresentations)
        {
            var seeds = representation.Model is RepresentationModels.None or RepresentationModels.Pca or RepresentationModels.Onnx
                ? [spec.EffectiveSeeds[0]]
                : spec.EffectiveSeeds;
            planned.AddRange(seeds.Select(seed => new PlannedRepresentation(representation, seed, Baseline: false)));
        }

        if (spec.Baselines)
        {
            RepresentationSpec[] baselines = [new(RepresentationModels.None), new(RepresentationModels.Pca, Dimensions: 16)];
            planned.AddRange(baselines
                .Where(b => planned.All(p => p.Spec.Label != b.Label))
                .Select(b => new PlannedRepresentation(b, spec.EffectiveSeeds[0], Baseline: true)));
        }

        return planned;
    }
}
