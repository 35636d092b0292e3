using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Coordinates one experiment: extraction on track grains, training on trainer grains, then clustering, scoring and
/// the report. Its spec and status are persisted in blob storage at every stage, so a client can follow it from another
/// process, and an experiment whose silo died resumes when the grain is next activated: cached features and trainer
/// checkpoints make the resumed run cheap.
/// </summary>
public sealed class ExperimentGrain(ArtifactStore store, ILogger<ExperimentGrain> logger) : Grain, IExperimentGrain
{
    private ExperimentStatus? _status;
    private Task? _run;
    private bool _resumed;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stored = await ExperimentStore.ReadStatusAsync(store, Id, cancellationToken);
        if (stored is null)
        {
            return;
        }

        _status = stored;
        if (!stored.IsFinished && await ExperimentStore.ReadSpecAsync(store, Id, cancellationToken) is { } spec)
        {
            logger.LogWarning("Experiment {Id} was interrupted during {Stage}; resuming", Id, stored.Stage);
            _resumed = true;
            _status = stored with { Message = $"resumed after an interruption during {stored.Stage}", UpdatedAt = DateTimeOffset.UtcNow };
            _run = RunAsync(spec, resumed: true);
        }
    }

    public async Task<ExperimentStatus> StartAsync(ExperimentSpec spec, CancellationToken cancellationToken)
    {
        if (_status is not null)
        {
            return _status;
        }

        SpecValidator.Validate(spec);
        var dataset = await GrainFactory.GetGrain<IDatasetGrain>(spec.Dataset).GetSummaryAsync(cancellationToken)
            ?? throw new ArgumentException($"Invalid experiment spec: dataset '{spec.Dataset}' does not exist; ingest it first.");
        SpecValidator.Validate(spec, dataset.Tracks, dataset.Lyrics is not null);
        await ExperimentStore.WriteSpecAsync(store, Id, spec, cancellationToken);
        await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Pending, "queued"));
        _run = RunAsync(spec, resumed: false);
        return _status!;
    }

    public Task<ExperimentStatus> GetStatusAsync(CancellationToken cancellationToken) =>
        Task.FromResult(_status ?? NewStatus("", ExperimentStage.Pending, "not started"));

    private async Task RunAsync(ExperimentSpec spec, bool resumed)
    {
        // This line runs synchronously inside StartAsync, so Activity.Current is still the submit's call: the whole
        // background run (and every grain call it makes) belongs to the submit's trace.
        using var runActivity = GrainTelemetry.StartExperimentRun(Id, Activity.Current?.Context ?? default);
        // The run outlives the call that started it; keep the activation until it ends.
        DelayDeactivation(TimeSpan.FromHours(12));
        var timings = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        try
        {
            var manifest = await LoadManifestAsync(spec.Dataset);
            var features = new FeatureStage(GrainFactory, store, Id);

            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Extracting, "extracting features") with { Total = manifest.Tracks.Count });
            var extraction = await Timed(timings, "features", () => features.ExtractAsync(manifest, spec.FeatureConfig, ReportProgress));
            FailureThreshold.Check(extraction, manifest.Tracks.Count, spec.MaxFailedFraction);
            if (extraction.Succeeded.Count < spec.K)
            {
                throw new InvalidOperationException(
                    $"only {extraction.Succeeded.Count} of {manifest.Tracks.Count} tracks have features; k = {spec.K} needs at least {spec.K}");
            }

            var (matrixBlob, featureRows) = await Timed(timings, "assemble", () => features.AssembleAsync(extraction));
            var plans = PlannedRepresentation.Plan(spec);
            var trained = plans.Where(p => p.Spec.IsTrained).ToList();
            var standardised = FeatureSpace.Standardize(featureRows);
            var representations = plans.Where(p => !p.Spec.IsTrained).Select(p => UntrainedRepresentations.Build(p, standardised)).ToList();
            if (trained.Count > 0)
            {
                await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Training, "training") with { Total = trained.Count * spec.EffectiveTraining.Epochs });
                representations.InsertRange(0, await Timed(timings, "train", () =>
                    new TrainingStage(GrainFactory, store, Id).TrainAsync(spec, trained, matrixBlob, ReportProgress)));
            }

            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Clustering, "clustering, scoring, t-SNE"));
            var trackIds = extraction.Succeeded.Select(t => t.Track.Id).ToList();
            var lyrics = await LyricsLoader.LoadAsync(store, manifest, trackIds);
            var input = new AnalysisInput(spec, trackIds, extraction.Succeeded.Select(t => t.Track.Label).ToList(), lyrics, Ordered(representations, plans));
            var analysis = await Timed(timings, "analysis", () => Task.Run(() => ExperimentAnalysis.Run(input)));

            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Reporting, "writing results and report"));
            var report = new ReportWriter(store, Id);
            timings["total"] = total.Elapsed.TotalSeconds;
            var results = ResultsBuilder.Build(Id, spec, extraction, analysis, timings, report.ArtifactNames(analysis), resumed);
            await report.WriteAsync(results, analysis);
            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Done, "done") with { Results = report.ResultsBlob });
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Experiment {Id} failed", Id);
            await SetStatusAsync(NewStatus(spec.Name, ExperimentStage.Failed, "failed") with { Error = ex.Message });
        }
    }

    private static IReadOnlyList<BuiltRepresentation> Ordered(IEnumerable<BuiltRepresentation> built, IReadOnlyList<PlannedRepresentation> plans)
    {
        var order = plans.ToList();
        return built.OrderBy(b => order.IndexOf(b.Plan)).ToList();
    }

    private void ReportProgress(int done) => ReportProgress(done, null);

    private void ReportProgress(int done, string? message)
    {
        _status = _status! with { Done = done, Message = message ?? _status.Message, UpdatedAt = DateTimeOffset.UtcNow };
    }

    private async Task<DatasetManifest> LoadManifestAsync(string dataset)
    {
        var summary = await GrainFactory.GetGrain<IDatasetGrain>(dataset).GetSummaryAsync()
            ?? throw new InvalidOperationException($"dataset '{dataset}' does not exist; ingest it first");
        return await store.ReadJsonAsync<DatasetManifest>(summary.Manifest.Container, summary.Manifest.Name, CancellationToken.None)
            ?? throw new InvalidOperationException($"dataset '{dataset}' has an empty manifest");
    }

    private static async Task<T> Timed<T>(Dictionary<string, double> timings, string stage, Func<Task<T>> work)
    {
        using var telemetry = GrainTelemetry.StartStage(stage);
        var watch = Stopwatch.StartNew();
        var result = await work();
        timings[stage] = watch.Elapsed.TotalSeconds;
        return result;
    }

    // Every later status of a resumed run keeps saying so, so `cluster watch` tells a resumed run from one that carried on.
    private ExperimentStatus NewStatus(string name, ExperimentStage stage, string message) =>
        new(Id, name, stage, 0, 0, _resumed ? $"{message} (resumed after an interruption)" : message, null, null, DateTimeOffset.UtcNow);

    private async Task SetStatusAsync(ExperimentStatus status)
    {
        _status = status;
        try
        {
            await ExperimentStore.WriteStatusAsync(store, Id, status, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The in-memory status stays authoritative while this activation lives; a missed mirror is not fatal.
            logger.LogWarning(ex, "Could not persist status of experiment {Id}", Id);
        }
    }
}
