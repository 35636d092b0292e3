using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains;

/// <summary>
/// Coordinates one experiment: fans out feature extraction to track grains, assembles the matrix, hands it to a
/// trainer, clusters and scores the latents, and stores <c>results.json</c>. Its status is mirrored to blob storage
/// at every stage, so a client can follow it from another process.
/// </summary>
public sealed class ExperimentGrain(
    ArtifactStore store,
    ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain
{
    private const int MaxTracksInFlight = 64;
    private static readonly TimeSpan TrainerPollInterval = TimeSpan.FromMilliseconds(250);

    private ExperimentStatus? _status;
    private Task? _run;

    private string Id => this.GetPrimaryKeyString();

    public async Task<ExperimentStatus> StartAsync(ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var existing = await GetStatusAsync(cancellationToken);
        if (_run is not null || existing.Stage != ExperimentStage.Pending || existing.Name.Length > 0)
        {
            return existing;
        }

        SpecValidator.Validate(spec);
        await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Pending, "queued"));
        _run = RunAsync(spec);
        return _status!;
    }

    public async Task<ExperimentStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (_status is not null)
        {
            return _status;
        }

        var blob = StatusBlob();
        var stored = await store.ExistsAsync(blob.Container, blob.Name, cancellationToken)
            ? await store.ReadJsonAsync<ExperimentStatus>(blob.Container, blob.Name, cancellationToken)
            : null;
        if (stored is { IsFinished: false })
        {
            // The silo that ran it is gone; say so rather than pretend it is still running.
            stored = stored with
            {
                Stage = ExperimentStage.Failed,
                Error = $"interrupted during {stored.Stage}: the silo running it stopped; submit it again",
            };
        }

        return stored ?? NewStatus("", ExperimentStage.Pending, "not started");
    }

    private async Task RunAsync(ExperimentSpec spec)
    {
        DelayDeactivation(TimeSpan.FromHours(6));
        var timings = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        try
        {
            var manifest = await LoadManifestAsync(spec.Dataset);
            var extraction = await TimedAsync(timings, "features", () => ExtractAsync(spec, manifest));
            if (extraction.Succeeded.Count < spec.K)
            {
                throw new InvalidOperationException(
                    $"only {extraction.Succeeded.Count} of {manifest.Tracks.Count} tracks have features; k = {spec.K} needs at least {spec.K}");
            }

            var matrix = await TimedAsync(timings, "assemble", () => AssembleMatrixAsync(extraction));
            var representation = await TimedAsync(timings, "train", () => TrainAsync(spec, matrix));

            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Clustering, "K-Means and metrics"));
            var truth = LabelEncoding.Encode(extraction.Succeeded.Select(t => t.Track.Label).ToList());
            var analysis = await TimedAsync(timings, "cluster", () => Task.Run(() => LatentAnalysis.Run(
                representation.Data, representation.Rows, representation.Cols, spec.K, spec.Seed, truth)));

            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Reporting, "writing results"));
            timings["total"] = total.Elapsed.TotalSeconds;
            var results = ResultsBuilder.Build(Id, spec, manifest, extraction, representation, analysis, truth is not null, timings);
            var resultsBlob = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(Id, "results.json"));
            await store.UploadAsync(resultsBlob.Container, resultsBlob.Name, BinaryData.FromString(ResultsJson.Serialize(results)), overwrite: true, CancellationToken.None);
            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Done, "done") with { Results = resultsBlob });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Experiment {Id} failed", Id);
            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Failed, "failed") with { Error = ex.Message });
        }
    }

    private async Task<DatasetManifest> LoadManifestAsync(string dataset)
    {
        var summary = await GrainFactory.GetGrain<IDatasetGrain>(dataset).GetSummaryAsync()
            ?? throw new InvalidOperationException($"dataset '{dataset}' does not exist; ingest it first");
        return await store.ReadJsonAsync<DatasetManifest>(summary.Manifest.Container, summary.Manifest.Name, CancellationToken.None)
            ?? throw new InvalidOperationException($"dataset '{dataset}' has an empty manifest");
    }

    private async Task<ExtractionOutcome> ExtractAsync(ExperimentSpec spec, DatasetManifest manifest)
    {
        var tracks = manifest.Tracks;
        await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Extracting, "extracting features") with { Total = tracks.Count });
        var lastPersisted = Stopwatch.StartNew();
        var results = await BoundedFanOut.RunAsync(
            tracks,
            MaxTracksInFlight,
            track => GrainFactory.GetGrain<ITrackGrain>($"{manifest.Dataset}/{track.Id}")
                .ExtractAsync(new TrackExtractionRequest(track.Audio, track.Sha256, track.File, spec.FeatureConfig)),
            done =>
            {
                _status = _status! with { Done = done, UpdatedAt = DateTimeOffset.UtcNow };
                if (lastPersisted.Elapsed > TimeSpan.FromSeconds(2))
                {
                    lastPersisted.Restart();
                    _ = PersistStatusAsync(_status);
                }
            });
        return ExtractionOutcome.From(tracks, results);
    }

    private async Task<Representation> AssembleMatrixAsync(ExtractionOutcome extraction)
    {
        var vectors = await BoundedFanOut.RunAsync(
            extraction.Succeeded,
            MaxTracksInFlight,
            async t => (await store.ReadMatrixAsync(t.Result.Features!.Container, t.Result.Features.Name, CancellationToken.None)).Data);
        var cols = vectors[0].Length;
        if (vectors.Any(v => v.Length != cols))
        {
            throw new InvalidOperationException("feature vectors differ in length; the feature config changed mid-run");
        }

        var data = new float[vectors.Length * cols];
        for (var r = 0; r < vectors.Length; r++)
        {
            vectors[r].CopyTo(data, r * cols);
        }

        var blob = new BlobRef(BlobContainers.Experiments, BlobNames.Experiment(Id, "matrix.f32"));
        await store.WriteMatrixAsync(blob.Container, blob.Name, data, vectors.Length, cols, CancellationToken.None);
        return new Representation(blob, data, vectors.Length, cols, null);
    }

    private async Task<Representation> TrainAsync(ExperimentSpec spec, Representation matrix)
    {
        if (spec.Model == "none")
        {
            return matrix with { Data = Standardisation.Standardise(matrix.Data, matrix.Rows, matrix.Cols) };
        }

        await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Training, "training VAE") with { Total = spec.Epochs });
        var trainer = GrainFactory.GetGrain<ITrainerGrain>(Id);
        await trainer.StartAsync(new TrainingRequest(
            matrix.Blob, spec.LatentDim, [512, 256], spec.Beta, spec.Epochs, spec.BatchSize, spec.LearningRate, spec.Seed));
        TrainingStatus status;
        while (true)
        {
            status = await trainer.GetStatusAsync();
            _status = _status! with
            {
                Done = status.Epoch,
                Message = double.IsNaN(status.Loss) ? "training VAE" : $"training VAE: loss {status.Loss:F3}",
                UpdatedAt = DateTimeOffset.UtcNow,
            };
            if (status.State is TrainingState.Completed or TrainingState.Failed)
            {
                break;
            }

            await Task.Delay(TrainerPollInterval);
        }

        if (status.State == TrainingState.Failed || status.Latents is null)
        {
            throw new InvalidOperationException($"training failed: {status.Error}");
        }

        var latents = await store.ReadMatrixAsync(status.Latents.Container, status.Latents.Name, CancellationToken.None);
        return new Representation(status.Latents, latents.Data, latents.Rows, latents.Cols, status);
    }

    private static async Task<T> TimedAsync<T>(Dictionary<string, double> timings, string stage, Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        timings[stage] = watch.Elapsed.TotalSeconds;
        return result;
    }

    private ExperimentStatus NewStatus(string name, ExperimentStage stage, string message) =>
        new(Id, name, stage, 0, 0, message, null, null, DateTimeOffset.UtcNow);

    private async Task SetStatusAsync(ExperimentStatus status)
    {
        _status = status;
        await PersistStatusAsync(status);
    }

    private async Task PersistStatusAsync(ExperimentStatus status)
    {
        try
        {
            var blob = StatusBlob();
            await store.WriteJsonAsync(blob.Container, blob.Name, status, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The in-memory status stays authoritative while this activation lives; a missed mirror is not fatal.
            logger.LogWarning(ex, "Could not persist status of experiment {Id}", Id);
        }
    }

    private BlobRef StatusBlob() => new(BlobContainers.Experiments, BlobNames.Experiment(Id, "status.json"));
}
