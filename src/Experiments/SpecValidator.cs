using MusicClustering.Analysis.Evaluation;
using MusicClustering.Audio;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>Rejects experiment specs that cannot run, before any work starts, listing every problem at once.</summary>
public static class SpecValidator
{
    public static void Validate(ExperimentSpec spec, int? datasetTracks = null, bool? datasetHasLyrics = null)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Name))
        {
            errors.Add("name is required");
        }

        if (string.IsNullOrWhiteSpace(spec.Dataset))
        {
            errors.Add("dataset is required");
        }

        if (!FeatureConfig.TryParse(spec.FeatureConfig, out _))
        {
            errors.Add($"feature_config '{spec.FeatureConfig}' is unknown (expected stats, stats+delta, frames:N, gtzan57 or descriptors, optionally with segment_seconds=, max_segments=, max_seconds=)");
        }

        foreach (var representation in spec.EffectiveRepresentations)
        {
            ValidateRepresentation(representation, errors);
        }

        if (spec.UpdateModel is { } updateModel)
        {
            if (!UpdateModels.All.Contains(updateModel))
            {
                errors.Add($"update_model '{updateModel}' is unknown (expected one of: {string.Join(", ", UpdateModels.All)})");
            }
            else if (spec.UpdateFrom is null)
            {
                errors.Add($"update_model '{updateModel}' needs update_from (--update-from ID): the earlier experiment whose model it {(updateModel == UpdateModels.Reuse ? "reuses" : "refits")}");
            }
        }

        foreach (var fusion in spec.EffectiveFusions.Where(f => !Fusions.All.Contains(f)))
        {
            errors.Add($"fusion '{fusion}' is unknown (expected one of: {string.Join(", ", Fusions.All)})");
        }

        foreach (var algorithm in spec.EffectiveAlgorithms)
        {
            try
            {
                ClusteringAlgorithmSpec.Parse(algorithm);
            }
            catch (FormatException ex)
            {
                errors.Add($"algorithm '{algorithm}': {ex.Message}");
            }
        }

        if (spec.ChoosesK)
        {
            if (spec.EffectiveAlgorithms.All(a => a.StartsWith("dbscan", StringComparison.Ordinal)))
            {
                errors.Add("k auto needs an algorithm with a k; dbscan finds its own number of clusters");
            }
        }
        else if (spec.K < 2)
        {
            errors.Add($"k must be at least 2 (or auto), not {spec.K}");
        }
        else if (datasetTracks is { } tracks && spec.K > tracks)
        {
            errors.Add($"k = {spec.K} is more than the dataset's {tracks} tracks (k auto chooses it)");
        }

        if (spec.MaxFailedFraction is < 0 or > 1 || double.IsNaN(spec.MaxFailedFraction))
        {
            errors.Add($"max_failed_fraction must be between 0 and 1, not {spec.MaxFailedFraction}");
        }

        if (spec.EffectiveRepresentations.Where(r => r.Model == RepresentationModels.Onnx).Select(r => r.Onnx).Distinct().Count() > 1)
        {
            errors.Add("an experiment embeds with one onnx model and one set of onnx options; run another experiment for another");
        }

        foreach (var label in spec.EffectiveRepresentations.Where(r => r.LearnsFromPatches).GroupBy(r => r.Label).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"representation '{label}' is asked for more than once; compare its patches settings in separate experiments");
        }

        ValidateTraining(spec.EffectiveTraining, spec.HasTrainedRepresentation, errors);
        ValidateLyrics(spec, datasetHasLyrics, errors);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid experiment spec: {string.Join("; ", errors)}.");
        }
    }

    private static void ValidateRepresentation(RepresentationSpec representation, List<string> errors)
    {
        if (!RepresentationModels.All.Contains(representation.Model))
        {
            errors.Add($"model '{representation.Model}' is unknown (expected one of: {string.Join(", ", RepresentationModels.All)})");
        }

        if (representation.Model == RepresentationModels.Onnx)
        {
            errors.AddRange(OnnxSpecOptions.Problems(representation.Onnx));
        }

        errors.AddRange(PatchSpecOptions.Problems(representation));

        if (representation.Beta < 0 || !double.IsFinite(representation.Beta))
        {
            errors.Add($"beta must be a non-negative number, not {representation.Beta}");
        }

        if (representation.Model == RepresentationModels.Tsne && representation.Dimensions is not (2 or 16))
        {
            errors.Add($"tsne embeds in 2 dimensions; leave dimensions unset, not {representation.Dimensions}");
        }

        if (representation.Model != RepresentationModels.None && representation.Dimensions < 1)
        {
            errors.Add($"dimensions of {representation.Model} must be at least 1, not {representation.Dimensions}");
        }
    }

    private static void ValidateTraining(TrainingSpec training, bool anyTrained, List<string> errors)
    {
        if (!anyTrained)
        {
            return;
        }

        if (training.Epochs < 1)
        {
            errors.Add($"epochs must be at least 1, not {training.Epochs}");
        }

        if (training.BatchSize < 1)
        {
            errors.Add($"batch_size must be at least 1, not {training.BatchSize}");
        }

        if (training.LearningRate <= 0 || !double.IsFinite(training.LearningRate))
        {
            errors.Add($"learning_rate must be positive, not {training.LearningRate}");
        }

        if (training.KlWarmupEpochs < 0)
        {
            errors.Add($"kl_warmup_epochs must not be negative, not {training.KlWarmupEpochs}");
        }

        if (training.EffectiveHiddenSizes.Any(h => h < 1))
        {
            errors.Add("hidden_sizes must all be positive");
        }
    }

    private static void ValidateLyrics(ExperimentSpec spec, bool? datasetHasLyrics, List<string> errors)
    {
        var lyrics = spec.EffectiveLyrics;
        var usesLyrics = spec.EffectiveFusions.Any(f => f != Fusions.Audio);
        if (usesLyrics && datasetHasLyrics == false)
        {
            errors.Add($"fusion {string.Join("/", spec.EffectiveFusions.Where(f => f != Fusions.Audio))} needs lyrics, but dataset '{spec.Dataset}' was ingested without a lyrics CSV");
        }

        if (lyrics.Weight < 0 || !double.IsFinite(lyrics.Weight))
        {
            errors.Add($"lyrics weight must be a non-negative number, not {lyrics.Weight}");
        }

        if (lyrics.SvdComponents < 0 || lyrics.MinDf < 1 || lyrics.MaxDf is <= 0 or > 1 || lyrics.MaxFeatures < 1)
        {
            errors.Add("lyrics settings are out of range (svd_components >= 0, min_df >= 1, 0 < max_df <= 1, max_features >= 1)");
        }
    }
}
