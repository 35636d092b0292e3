using MusicClustering.Analysis;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>The representations that need no training: standardised track vectors, their PCA and their t-SNE.</summary>
public static class UntrainedRepresentations
{
    /// <param name="standardised">The track vectors, standardised once by the caller for every representation.</param>
    public static BuiltRepresentation Build(PlannedRepresentation plan, double[][] standardised)
    {
        var none = new Dictionary<string, string>();
        switch (plan.Spec.Model)
        {
            case RepresentationModels.None:
                return new BuiltRepresentation(plan, standardised, null, null, none);
            case RepresentationModels.Pca:
                var components = Math.Min(plan.Spec.Dimensions, Math.Min(standardised.Length, standardised[0].Length));
                var pca = new Pca(components).Fit(standardised);
                return new BuiltRepresentation(plan, pca.Transform(standardised), null, pca.ExplainedVarianceRatio.Sum(), none);
            case RepresentationModels.Tsne:
                var projection = TsneProjection.Run(standardised, plan.Seed, ExperimentAnalysis.PerplexityFor(standardised.Length));
                return new BuiltRepresentation(plan, projection.Embedding, null, null, none);
            default:
                throw new ArgumentOutOfRangeException(nameof(plan), plan.Spec.Model, "a trained representation");
        }
    }
}
