using System.Diagnostics;
using MusicClustering.Analysis.Evaluation;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Experiments.Library;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// One experiment's stages in order: extraction on track grains, training on trainer grains, then clustering, scoring
/// and the report. Every stage reuses what storage already holds (cached features, trainer checkpoints), so running the
/// pipeline again after an interruption is cheap. Runs on the experiment grain's scheduler; CPU-heavy analysis goes to
/// the thread pool. The run's token stops every stage, so a run whose claim was lost ends promptly.
/// </summary>
internal sealed class ExperimentPipeline(IGrainFactory grains, ArtifactStore store, string id, IExperimentProgress progress)
{
    private readonly ExperimentBlobs _blobs = new(id);

    /// <summary>Runs every stage and returns where results.json is.</summary>
    public async Task<BlobRef> RunAsync(ExperimentSpec spec, bool resumed, CancellationToken cancellationToken)
    {
        var timings = new Dictionary<string, double>();
        var total = Stopwatch.StartNew();
        var manifest = await LoadManifestAsync(spec.Dataset, cancellationToken);
        var features = new FeatureStage(grains, store, _blobs);

        await progress.EnterAsync(ExperimentStage.Extracting, "extracting features", manifest.Tracks.Count);
        var extraction = await Timed(timings, "features", () => features.ExtractAsync(manifest, spec.FeatureConfig, OnnxRepresentation.Requested(spec), done => progress.Report(done), cancellationToken));
        CheckEnoughTracks(extraction, manifest.Tracks.Count, spec);
        var plans = PlannedRepresentation.Plan(spec);
        using var reused = spec.ReusesModel ? await ReusedModelLoader.LoadAsync(store, spec, cancellationToken) : null;
        if (reused is not null)
        {
            // The earlier run's model stands in for the spec's representations; the baselines are fitted as usual.
            plans = [reused.Plan, .. plans.Where(p => p.Baseline)];
        }

        var fitted = plans.Where(p => p != reused?.Plan).ToList();
        var trained = fitted.Where(p => p.Spec.IsTrained).ToList();

        // The log-mel comes before the features are assembled: a track whose log-mel fails leaves every representation.
        BlobRef? patchManifest = null;
        if (trained.Any(p => p.Spec.LearnsFromPatches))
        {
            var logMel = await Timed(timings, "logmel", () => new LogMelStage(grains, store, _blobs).PrepareAsync(manifest.Dataset, extraction, done => progress.Report(done), cancellationToken));
            (patchManifest, extraction) = (logMel.PatchManifest, logMel.Extraction);
            CheckEnoughTracks(extraction, manifest.Tracks.Count, spec);
        }

        var featureRows = await Timed(timings, "assemble", () => features.AssembleAsync(extraction, cancellationToken));
        var standardised = FeatureSpace.Standardize(featureRows, Audio.FeatureConfig.Parse(spec.FeatureConfig).BlockLengths);
        var representations = fitted.Where(p => !p.Spec.IsTrained).Select(p => p.Spec.Model == RepresentationModels.Onnx
            ? OnnxRepresentation.Build(p, extraction)
            : UntrainedRepresentations.Build(p, standardised)).ToList();
        if (reused is not null)
        {
            representations.Insert(0, reused.Build(featureRows));
        }

        var training = new TrainingStage(grains, store, _blobs);
        if (trained.Count > 0)
        {
            await progress.EnterAsync(ExperimentStage.Training, "training", trained.Count * spec.EffectiveTraining.Epochs);
            representations.InsertRange(0, await Timed(timings, "train", () =>
                training.TrainAsync(spec, trained, patchManifest, progress.Report, cancellationToken)));
        }

        await progress.EnterAsync(ExperimentStage.Clustering, "clustering, scoring, t-SNE");
        var trackIds = extraction.Succeeded.Select(t => t.Track.Id).ToList();
        var lyrics = await LyricsLoader.LoadAsync(store, manifest, trackIds, cancellationToken);
        var previous = spec.UpdateFrom is null ? null : await UpdatedRun.ClustersAsync(store, spec, cancellationToken);
        var input = new AnalysisInput(spec, trackIds, extraction.Succeeded.Select(t => t.Track.Label).ToList(), lyrics, Ordered(representations, plans), previous, reused);
        var analysis = await Timed(timings, "analysis", () => Task.Run(() => ExperimentAnalysis.Run(input), cancellationToken));

        await progress.EnterAsync(ExperimentStage.Reporting, "writing results and report");
        var library = LibraryIndexBuilder.Build(id, input, analysis, featureRows, manifest.Tracks.ToDictionary(t => t.Id, StringComparer.Ordinal));
        await LibraryStore.WriteAsync(store, _blobs, library.Index, library.Space, cancellationToken);
        var report = new ReportWriter(store, _blobs);

        // The trainers rendered their loss curves and traversals while we clustered; results name them, so they must exist.
        await training.PicturesStoredAsync(cancellationToken);
        timings["total"] = total.Elapsed.TotalSeconds;
        var results = ResultsBuilder.Build(
            id, spec, extraction.Summarise(spec.FeatureConfig), analysis, timings, ReportWriter.ArtifactNames(analysis), resumed);
        await report.WriteAsync(results, analysis, library.Index, manifest.Tracks, cancellationToken);
        return _blobs.Results;
    }

    private static void CheckEnoughTracks(ExtractionOutcome extraction, int total, ExperimentSpec spec)
    {
        FailureThreshold.Check(extraction, total, spec.MaxFailedFraction);
        if (extraction.Succeeded.Count < spec.K)
        {
            throw new InvalidOperationException($"only {extraction.Succeeded.Count} of {total} tracks have features; k = {spec.K} needs at least {spec.K}");
        }
    }

    private static IReadOnlyList<BuiltRepresentation> Ordered(IEnumerable<BuiltRepresentation> built, IReadOnlyList<PlannedRepresentation> plans)
    {
        var order = plans.ToList();
        return built.OrderBy(b => order.IndexOf(b.Plan)).ToList();
    }

    private async Task<DatasetManifest> LoadManifestAsync(string dataset, CancellationToken cancellationToken)
    {
        // A run resumed just after a cluster restart calls while the grain directory is still settling: retry that.
        var summary = await GrainCallRetry.RunAsync(() => grains.GetGrain<IDatasetGrain>(dataset).GetSummaryAsync(cancellationToken), cancellationToken)
            ?? throw new InvalidOperationException($"dataset '{dataset}' does not exist; ingest it first");
        return await store.ReadJsonAsync<DatasetManifest>(summary.Manifest, cancellationToken);
    }

    private static async Task<T> Timed<T>(Dictionary<string, double> timings, string stage, Func<Task<T>> work)
    {
        using var telemetry = GrainTelemetry.StartStage(stage);
        var watch = Stopwatch.StartNew();
        var result = await work();
        timings[stage] = watch.Elapsed.TotalSeconds;
        return result;
    }
}
