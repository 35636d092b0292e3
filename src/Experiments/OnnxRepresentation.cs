using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// The <c>onnx</c> representation: the embeddings the track grains computed with the user's model (carried in their
/// replies), standardised like any other track vectors, one row per extracted track.
/// </summary>
public static class OnnxRepresentation
{
    /// <summary>The onnx model the spec embeds with, if any (the validator allows one per experiment).</summary>
    public static OnnxSpec? Requested(ExperimentSpec spec) =>
        spec.EffectiveRepresentations.FirstOrDefault(r => r.Model == RepresentationModels.Onnx)?.Onnx;

    public static BuiltRepresentation Build(PlannedRepresentation plan, ExtractionOutcome extraction)
    {
        var embeddings = extraction.Succeeded
            .Select(t => t.Result.Embedding ?? throw new InvalidOperationException($"track {t.Track.Id} came back without its onnx embedding"))
            .ToList();
        if (embeddings.Select(e => e.Length).Distinct().Count() > 1)
        {
            throw new InvalidOperationException("the onnx model returned embeddings of different widths for different tracks");
        }

        var rows = FeatureSpace.Standardize(embeddings.Select(e => Array.ConvertAll(e, v => (double)v)).ToArray());
        return new BuiltRepresentation(plan, rows, null, null, new Dictionary<string, string>());
    }
}
