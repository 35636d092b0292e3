using MusicClustering.Contracts;

namespace MusicClustering.Grains;

/// <summary>Rejects experiment specs that cannot run, before any work starts.</summary>
public static class SpecValidator
{
    public static readonly IReadOnlyList<string> Models = ["vae", "beta-vae", "none"];

    public static void Validate(ExperimentSpec spec)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(spec.Dataset))
        {
            errors.Add("dataset is required");
        }

        if (!Models.Contains(spec.Model))
        {
            errors.Add($"model '{spec.Model}' is unknown (expected one of: {string.Join(", ", Models)})");
        }

        if (spec.K < 2)
        {
            errors.Add($"k must be at least 2, not {spec.K}");
        }

        if (spec.Beta < 0 || double.IsNaN(spec.Beta))
        {
            errors.Add($"beta must not be negative, not {spec.Beta}");
        }

        if (spec.Model != "none")
        {
            if (spec.Epochs < 1)
            {
                errors.Add($"epochs must be at least 1, not {spec.Epochs}");
            }

            if (spec.LatentDim < 1)
            {
                errors.Add($"latent_dim must be at least 1, not {spec.LatentDim}");
            }

            if (spec.BatchSize < 1)
            {
                errors.Add($"batch_size must be at least 1, not {spec.BatchSize}");
            }

            if (spec.LearningRate <= 0)
            {
                errors.Add($"learning_rate must be positive, not {spec.LearningRate}");
            }
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException($"Invalid experiment spec: {string.Join("; ", errors)}.");
        }
    }
}
