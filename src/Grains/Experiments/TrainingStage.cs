using System.Diagnostics;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Trains every VAE and patch-model representation through its own trainer grain, all at once, so a cluster with several silos (or
/// a GPU silo) trains them in parallel, and reads back their latent means as soon as they are stored. Trainers then
/// render their pictures straight into the experiment's folder while the experiment clusters;
/// <see cref="PicturesStoredAsync"/> waits for them before the report names them.
/// </summary>
internal sealed class TrainingStage(IGrainFactory grains, ArtifactStore store, ExperimentBlobs blobs)
{
    private List<ITrainerGrain> _trainers = [];

    /// <summary>One trainer per experiment and representation; a single blob-safe segment, so it can name its model folder.</summary>
    public static string TrainerKey(string experimentId, PlannedRepresentation plan) => $"{experimentId}--{plan.Key}";

    /// <summary>Trains every plan; patch models read the tracks of <paramref name="patchManifest"/> (required when any plan is one).</summary>
    public async Task<IReadOnlyList<BuiltRepresentation>> TrainAsync(
        ExperimentSpec spec, IReadOnlyList<PlannedRepresentation> plans, BlobRef? patchManifest, Action<int, string?> onProgress,
        CancellationToken cancellationToken)
    {
        var training = spec.EffectiveTraining;
        var trainers = plans.Select(plan => (Plan: plan, Grain: grains.GetGrain<ITrainerGrain>(TrainerKey(blobs.Id, plan)))).ToList();
        foreach (var (plan, grain) in trainers)
        {
            var request = new TrainingRequest(
                blobs.Matrix, plan.Spec.Dimensions, training.EffectiveHiddenSizes, plan.Spec.Beta, training.Epochs,
                training.BatchSize, training.LearningRate, plan.Seed, KlWarmupEpochs: training.KlWarmupEpochs,
                LossCurve: blobs.LossCurve(plan), Traversal: blobs.Traversal(plan))
            {
                // `cluster cancel` reaches the trainer through the same blob, wherever it trains.
                StopRequest = blobs.CancelRequest,
                Patches = plan.Spec.LearnsFromPatches
                    ? new PatchTrainingRequest(plan.Spec.Model, patchManifest ?? throw new InvalidOperationException("a patch model needs the patch manifest"), plan.Spec.Patches)
                    : null,
            };
            await GrainCallRetry.RunAsync(
                async () =>
                {
                    await grain.StartAsync(request);
                    return true;
                },
                cancellationToken);
        }

        _trainers = trainers.Select(t => t.Grain).ToList();
        var statuses = await PollAsync(s => s.LatentsReady, onProgress, cancellationToken);
        var built = new List<BuiltRepresentation>();
        for (var i = 0; i < trainers.Count; i++)
        {
            var status = statuses[i];
            var latents = await store.ReadMatrixAsync(status.Latents!, cancellationToken);
            built.Add(new BuiltRepresentation(
                trainers[i].Plan, FeatureSpace.FromRowMajor(latents.Data, latents.Rows, latents.Cols), status, null, Blobs(status), status.LatentDiagnostics));
        }

        return built;
    }

    /// <summary>Waits until every trainer of <see cref="TrainAsync"/> has stored its loss curve and traversal.</summary>
    public Task PicturesStoredAsync(CancellationToken cancellationToken) =>
        PollAsync(s => s.State == TrainingState.Completed, null, cancellationToken);

    private async Task<TrainingStatus[]> PollAsync(Func<TrainingStatus, bool> done, Action<int, string?>? onProgress, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            // A trainer whose silo died is re-activated by the next call and resumes from its last checkpoint.
            var statuses = await Task.WhenAll(_trainers.Select(t => GrainCallRetry.RunAsync(() => t.GetStatusAsync(), cancellationToken)));
            var latest = statuses.FirstOrDefault(s => s.State == TrainingState.Running && !double.IsNaN(s.Loss));
            onProgress?.Invoke(statuses.Sum(s => s.Epoch), latest is null ? "training" : $"training: loss {latest.Loss:F3}");
            if (statuses.FirstOrDefault(s => s.State == TrainingState.Failed) is { } failed)
            {
                throw new InvalidOperationException($"training failed: {failed.Error}");
            }

            if (statuses.All(done))
            {
                return statuses;
            }

            await Task.Delay(TrainingPoll.Next(statuses, watch.Elapsed), cancellationToken);
        }
    }

    private static Dictionary<string, string> Blobs(TrainingStatus status)
    {
        var named = new Dictionary<string, string>();
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
                named[key] = blob.ToString();
            }
        }

        return named;
    }
}
