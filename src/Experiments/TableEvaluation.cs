using System.Diagnostics;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// The experiment pipeline on a precomputed features table, in-process: representations (with baselines), clustering,
/// metrics and t-SNE, producing the same <c>results.json</c> as a cluster experiment.
/// </summary>
public static class TableEvaluation
{
    public const string Silo = "in-process";

    public static (ExperimentResults Results, AnalysisOutput Analysis) Run(FeatureTable table, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        SpecValidator.Validate(spec, table.Rows);
        if (spec.EffectiveRepresentations.FirstOrDefault(r => r.LearnsFromPatches) is { } patches)
        {
            throw new ArgumentException($"model '{patches.Model}' learns from the audio's log-mel, which a feature table does not have; run it with cluster submit on a dataset of audio.");
        }

        if (spec.EffectiveRepresentations.Any(r => r.Model == RepresentationModels.Onnx))
        {
            throw new ArgumentException("representation onnx embeds the audio itself: run it with cluster submit on an ingested dataset, not on a features table.");
        }

        var timings = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        var standardised = Analysis.Evaluation.FeatureSpace.Standardize(Analysis.Evaluation.FeatureSpace.FromRowMajor(table.Data, table.Rows, table.Cols), Audio.FeatureBlocks.FromColumnNames(table.Columns));
        var plans = PlannedRepresentation.Plan(spec);
        var watch = Stopwatch.StartNew();
        var representations = plans
            .Select(plan => plan.Spec.IsTrained
                ? LocalTraining.Train(plan, spec.EffectiveTraining, table.Data, table.Rows, table.Cols, cancellationToken)
                : UntrainedRepresentations.Build(plan, standardised))
            .ToList();
        timings["train"] = watch.Elapsed.TotalSeconds;

        watch.Restart();
        var analysis = ExperimentAnalysis.Run(new AnalysisInput(spec, table.Ids, table.Labels, null, representations));
        timings["analysis"] = watch.Elapsed.TotalSeconds;
        timings["total"] = total.Elapsed.TotalSeconds;

        var features = new ExperimentResults.FeaturesSection(
            spec.FeatureConfig, table.Cols, 0, table.Rows, new Dictionary<string, int> { [Silo] = table.Rows });
        var results = ResultsBuilder.Build(spec.Name, spec, ExtractionSummary.FeaturesOnly(features), analysis, timings, [], resumed: false);
        return (results, analysis);
    }
}
