using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Training;

/// <summary>
/// One attempt at a training run: streams the matrix blob's rows (ranged reads, never the whole matrix), trains on a
/// dedicated thread (from a checkpoint when resuming), uploads checkpoints as they come, then stores the model, the
/// latents (written a window at a time) and diagnostics, publishes them in the live status (still running), and only
/// then renders and stores the loss curve and traversal, so the experiment clusters while they render. Cancelled
/// (deactivation, or the claim was lost), it stops at the next batch or upload.
/// </summary>
internal sealed class TrainingRun(ArtifactStore store, TrainingRunStore runs, ComputeSettings compute, ILogger logger) : ITrainingAttempt
{
    private readonly AttemptProgress _live = new();

    public TrainingStatus Describe(TrainingStatus status) => _live.Describe(status);

    /// <summary>Trains to the end and returns the completed status; throws when cancelled (the checkpoint stays) or failing.</summary>
    public async Task<TrainingStatus> RunAsync(
        TrainingRequest request,
        VaeCheckpoint? resumeFrom,
        TrainingStatus status,
        Func<IProgress<EpochProgress>, IProgress<EpochProgress>> observe,
        CancellationToken cancellationToken)
    {
        var blobs = runs.Blobs;
        var source = await MatrixBlobRowSource.OpenAsync(store, request.Matrix, cancellationToken);
        var device = await TrainingDevice.ResolveAsync(compute, cancellationToken);
        _live.SetDevice(device);
        var options = TrainingOptions.From(request, compute.TorchThreads, device);
        var resumedFrom = resumeFrom?.Epoch ?? 0;
        var checkpoints = new CheckpointUploader<VaeCheckpoint>(runs, logger, resumedFrom, c => c.ToBytes(), c => c.Epoch);
        _live.SetCheckpointEpoch(() => checkpoints.UploadedEpoch);
        await using var latents = new MatrixBlobWriter(store, blobs.Latents, source.Rows, options.LatentDim);
        var input = new VaeTrainingInput(source, resumeFrom, checkpoints.Post) { Latents = latents };
        var progress = observe(_live.Epochs);
        (VaeTrainingResult Result, TrainingReport Report) trained;
        try
        {
            trained = await DedicatedThread.RunAsync($"vae-{blobs.RunId}", () =>
            {
                var result = new VaeTrainer().Train(input, options, progress, cancellationToken);

                // Diagnostics need rows in memory: all of them up to the streaming threshold, else an even sample.
                var rows = RowSample.Read(source, input.Streaming.ResidentFloats, input.Streaming.ChunkRows, cancellationToken);
                return (result, TrainingReport.Diagnose(blobs.RunId, options, result, rows, resumedFrom));
            });
        }
        finally
        {
            // Also when cancelled: the newest checkpoint must be in storage before the next activation looks for it.
            await checkpoints.CompleteAsync();
        }

        var (trainedResult, report) = trained;
        var lossCurve = request.LossCurve ?? blobs.LossCurve;
        var traversal = request.Traversal ?? blobs.Traversal;
        await latents.CommitAsync(cancellationToken);
        await Task.WhenAll(
            Upload(blobs.Model, trainedResult.ModelBytes, cancellationToken),
            Upload(blobs.Diagnostics, report.DiagnosticsJson, cancellationToken));

        // Zero epochs (an untrained model) has no history to report.
        var last = trainedResult.History.Count > 0 ? trainedResult.History[^1] : new EpochProgress(0, 0, double.NaN, double.NaN, double.NaN, null, 0);
        TrainingStatus Outputs(TrainingStatus live) => live with
        {
            Epoch = last.Epoch,
            Loss = last.Loss,
            Reconstruction = last.Reconstruction,
            Kl = last.Kl,
            Device = trainedResult.Device,
            Latents = blobs.Latents,
            Model = blobs.Model,
            Diagnostics = blobs.Diagnostics,
            LossCurve = lossCurve,
            Traversal = traversal,
            LatentDiagnostics = report.Summary,
        };

        // The latents are all an experiment needs to go on clustering: publish them, then render the pictures beside it.
        _live.Publish(Outputs);
        var pictures = await DedicatedThread.RunAsync($"vae-pictures-{blobs.RunId}", () => TrainingPictures.Render(trainedResult));
        await Task.WhenAll(
            Upload(lossCurve, pictures.LossCurvePng, cancellationToken),
            Upload(traversal, pictures.TraversalPng, cancellationToken));
        return Describe(status) with { State = TrainingState.Completed };
    }

    private Task Upload(BlobRef blob, byte[] bytes, CancellationToken cancellationToken) =>
        store.UploadAsync(blob, BinaryData.FromBytes(bytes), overwrite: true, cancellationToken);
}
