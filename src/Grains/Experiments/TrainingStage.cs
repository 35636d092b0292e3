using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Grains.Training;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Trains every VAE representation through its own trainer grain, all at once, so a cluster with several silos (or
/// a GPU silo) trains them in parallel, and reads back their latent means.
/// </summary>
internal sealed class TrainingStage(IGrainFactory grains, ArtifactStore store, string experimentId)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>One trainer per experiment and representation; a single blob-safe segment, so it can name its model folder.</summary>
    public static string TrainerKey(string experimentId, PlannedRepresentation plan) => $"{experimentId}--{plan.Key}";

    public async Task<IReadOnlyList<BuiltRepresentation>> TrainAsync(
        ExperimentSpec spec, IReadOnlyList<PlannedRepresentation> plans, BlobRef matrix, Action<int, string?> onProgress, CancellationToken cancellationToken)
    {
        var training = spec.EffectiveTraining;
        var trainers = plans.Select(plan => (Plan: plan, Grain: grains.GetGrain<ITrainerGrain>(TrainerKey(experimentId, plan)))).ToList();
        foreach (var (plan, grain) in trainers)
        {
            await GrainCallRetry.RunAsync(async () =>
            {
                await grain.StartAsync(new TrainingRequest(
                    matrix, plan.Spec.Dimensions, training.EffectiveHiddenSizes, plan.Spec.Beta, training.Epochs,
                    training.BatchSize, training.LearningRate, plan.Seed, KlWarmupEpochs: training.KlWarmupEpochs));
                return true;
            });
        }

        var finished = new TrainingStatus[trainers.Count];
        while (true)
        {
            // A trainer whose silo died is re-activated by the next call and resumes from its last checkpoint.
            var statuses = await Task.WhenAll(trainers.Select(t => GrainCallRetry.RunAsync(() => t.Grain.GetStatusAsync())));
            var epochs = statuses.Sum(s => s.Epoch);
            var latest = statuses.FirstOrDefault(s => s.State == TrainingState.Running && !double.IsNaN(s.Loss));
            onProgress(epochs, latest is null ? "training" : $"training: loss {latest.Loss:F3}");
            var failed = statuses.FirstOrDefault(s => s.State == TrainingState.Failed);
            if (failed is not null)
            {
                throw new InvalidOperationException($"training failed: {failed.Error}");
            }

            if (statuses.All(s => s.State == TrainingState.Completed))
            {
                statuses.CopyTo(finished, 0);
                break;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        var built = new List<BuiltRepresentation>();
        for (var i = 0; i < trainers.Count; i++)
        {
            var status = finished[i];
            var latents = await store.ReadMatrixAsync(status.Latents!.Container, status.Latents.Name, CancellationToken.None);
            built.Add(new BuiltRepresentation(
                trainers[i].Plan, FeatureSpace.FromRowMajor(latents.Data, latents.Rows, latents.Cols), status, null, Blobs(status), await DiagnosticsAsync(status)));
        }

        return built;
    }

    private async Task<ExperimentResults.DiagnosticsSection?> DiagnosticsAsync(TrainingStatus status)
    {
        if (status.Diagnostics is null)
        {
            return null;
        }

        var document = await store.ReadJsonAsync<DiagnosticsDocument>(status.Diagnostics.Container, status.Diagnostics.Name, CancellationToken.None);
        return new ExperimentResults.DiagnosticsSection(
            document.ActiveUnits, document.KlPerDimension, document.TotalCorrelation, document.ReconstructionError);
    }

    private static Dictionary<string, string> Blobs(TrainingStatus status)
    {
        var blobs = new Dictionary<string, string>();
        foreach (var (key, blob) in new[]
        {
            ("model", status.Model),
            ("latents", status.Latents),
            (BuiltRepresentation.DiagnosticsBlob, status.Diagnostics),
            (BuiltRepresentation.LossCurveBlob, status.LossCurve),
            (BuiltRepresentation.TraversalBlob, status.Traversal),
        })
        {
            if (blob is not null)
            {
                blobs[key] = blob.ToString();
            }
        }

        return blobs;
    }
}
