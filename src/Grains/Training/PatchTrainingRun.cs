using System.Text.Json;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Training;

/// <summary>
/// One attempt at a patch-model run (conv-vae or contrastive): streams the manifest's log-mel crops from blob storage
/// on a dedicated thread (from a checkpoint when resuming), uploads checkpoints as they come, then stores the pooled
/// track embeddings as the latents, the model, the loss curve and, for conv-vae, the latent diagnostics and traversal.
/// </summary>
internal sealed class PatchTrainingRun(ArtifactStore store, TrainingRunStore runs, ComputeSettings compute, ILogger logger) : ITrainingAttempt
{
    private readonly AttemptProgress _live = new();

    public TrainingStatus Describe(TrainingStatus status) => _live.Describe(status);

    public static Task<PatchModelCheckpoint?> LoadCheckpointAsync(TrainingRunStore runs, CancellationToken cancellationToken) =>
        runs.LoadCheckpointAsync(PatchModelCheckpoint.FromBytes, cancellationToken);

    public async Task<TrainingStatus> RunAsync(
        TrainingRequest request,
        PatchTrainingRequest patches,
        PatchModelCheckpoint? resumeFrom,
        TrainingStatus status,
        Func<IProgress<EpochProgress>, IProgress<EpochProgress>> observe,
        CancellationToken cancellationToken)
    {
        var blobs = runs.Blobs;
        var manifest = await store.ReadJsonAsync<PatchManifest>(patches.Manifest, cancellationToken);
        var device = await TrainingDevice.ResolveAsync(compute, cancellationToken);
        _live.SetDevice(device);
        var options = PatchTrainingOptions.From(request, patches, compute.TorchThreads, device);
        var checkpoints = new CheckpointUploader<PatchModelCheckpoint>(runs, logger, resumeFrom?.Epoch ?? 0, c => c.ToBytes(), c => c.Epoch);
        _live.SetCheckpointEpoch(() => checkpoints.UploadedEpoch);
        var progress = observe(_live.Epochs);
        using var source = new BlobPatchSource(store, manifest);
        (PatchModelResult Result, VaeDiagnosticsReport? Diagnostics, byte[]? TraversalPng) trained;
        try
        {
            trained = await DedicatedThread.RunAsync<(PatchModelResult, VaeDiagnosticsReport?, byte[]?)>($"{patches.Model}-{blobs.RunId}", () =>
            {
                var result = new PatchModelTrainer().Train(new PatchTrainingInput(source, resumeFrom, checkpoints.Post), options, progress, cancellationToken);
                if (options.Kind != PatchModelKind.ConvVae)
                {
                    return (result, null, null);
                }

                using var model = PatchModelFile.Load(result.ModelBytes);
                return (result, model.Diagnose(source, cancellationToken), LatentTraversalPlot.RenderPng(LatentTraversal.Compute(model)));
            });
        }
        finally
        {
            // Also when cancelled: the newest checkpoint must be in storage before the next activation looks for it.
            await checkpoints.CompleteAsync();
        }

        var (result, diagnostics, traversalPng) = trained;
        var lossCurve = request.LossCurve ?? blobs.LossCurve;
        var traversal = request.Traversal ?? blobs.Traversal;
        await store.WriteMatrixAsync(blobs.Latents, result.Embeddings, result.Tracks, result.Dimension, cancellationToken);
        await Upload(blobs.Model, result.ModelBytes, cancellationToken);
        await Upload(lossCurve, LossCurvePlot.RenderPng(result.History), cancellationToken);
        LatentDiagnostics? summary = null;
        if (diagnostics is not null)
        {
            await Upload(blobs.Diagnostics, JsonSerializer.SerializeToUtf8Bytes(diagnostics, ResultsJson.Options), cancellationToken);
            await Upload(traversal, traversalPng!, cancellationToken);
            summary = new LatentDiagnostics(diagnostics.ActiveUnits, [.. diagnostics.KlPerDimension], diagnostics.TotalCorrelation, diagnostics.ReconstructionError);
        }

        var last = result.History.Count > 0 ? result.History[^1] : new EpochProgress(0, 0, double.NaN, double.NaN, double.NaN, null, 0);
        return Describe(status) with
        {
            State = TrainingState.Completed,
            Epoch = last.Epoch,
            Loss = last.Loss,
            Reconstruction = last.Reconstruction,
            Kl = last.Kl,
            Device = result.Device,
            Latents = blobs.Latents,
            Model = blobs.Model,
            Diagnostics = diagnostics is null ? null : blobs.Diagnostics,
            LossCurve = lossCurve,
            Traversal = diagnostics is null ? null : traversal,
            LatentDiagnostics = summary,
        };
    }

    private Task Upload(BlobRef blob, byte[] bytes, CancellationToken cancellationToken) =>
        store.UploadAsync(blob, BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
}
