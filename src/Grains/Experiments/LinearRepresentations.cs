using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Grains.Experiments;

/// <summary>The representations that need no training: standardised track vectors and their PCA.</summary>
public static class LinearRepresentations
{
    public static BuiltRepresentation Build(PlannedRepresentation plan, double[][] features)
    {
        var standardised = FeatureSpace.Standardize(features);
        if (plan.Spec.Model == RepresentationModels.None)
        {
            return new BuiltRepresentation(plan, standardised, null, null, new Dictionary<string, string>());
        }

        var components = Math.Min(plan.Spec.Dimensions, Math.Min(features.Length, features[0].Length));
        var pca = new Pca(components).Fit(standardised);
        return new BuiltRepresentation(plan, pca.Transform(standardised), null, pca.ExplainedVarianceRatio.Sum(), new Dictionary<string, string>());
    }
}
