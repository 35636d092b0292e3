using System.Diagnostics;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Diagnostics;

/// <summary>The few calls grains make to record our metrics and spans; each is one line at the call site.</summary>
public static class GrainTelemetry
{
    /// <summary>
    /// Starts the span of an experiment's background run as a child of <paramref name="parent"/> (the context captured
    /// in <c>StartAsync</c>), so the whole run belongs to the trace of the submit that started it.
    /// </summary>
    public static Activity? StartExperimentRun(string experimentId, ActivityContext parent)
    {
        var activity = MusicClusteringDiagnostics.ActivitySource.StartActivity("experiment.run", ActivityKind.Internal, parent);
        activity?.SetTag(MusicClusteringDiagnostics.ExperimentTag, experimentId);
        return activity;
    }

    /// <summary>A span and a <c>stage.duration</c> measurement for one experiment stage; dispose it when the stage ends.</summary>
    public static StageScope StartStage(string stage, string? silo = null) => new(stage, silo);

    public static void FeatureCacheHit(string silo)
    {
        var tag = SiloTag(silo);
        MusicClusteringDiagnostics.FeatureCacheHits.Add(1, tag);
        MusicClusteringDiagnostics.TracksExtracted.Add(1, tag, new KeyValuePair<string, object?>("cached", true));
        Activity.Current?.SetTag("feature_cache", "hit");
        Activity.Current?.SetTag(MusicClusteringDiagnostics.SiloTag, silo);
    }

    public static void FeatureCacheMiss(string silo)
    {
        MusicClusteringDiagnostics.FeatureCacheMisses.Add(1, SiloTag(silo));
        Activity.Current?.SetTag("feature_cache", "miss");
        Activity.Current?.SetTag(MusicClusteringDiagnostics.SiloTag, silo);
    }

    /// <summary>A computed extraction: counts the track and records how long it took.</summary>
    public static void TrackExtracted(string silo, TimeSpan elapsed)
    {
        var tag = SiloTag(silo);
        MusicClusteringDiagnostics.TracksExtracted.Add(1, tag, new KeyValuePair<string, object?>("cached", false));
        MusicClusteringDiagnostics.ExtractionDuration.Record(elapsed.TotalSeconds, tag);
    }

    public static void TrackFailed(string silo, string reason)
    {
        MusicClusteringDiagnostics.TracksFailed.Add(1, SiloTag(silo), new KeyValuePair<string, object?>(MusicClusteringDiagnostics.ReasonTag, reason));
        Activity.Current?.SetStatus(ActivityStatusCode.Error, reason);
    }

    /// <summary>Wraps a training progress sink so every epoch also records its duration, loss and KL.</summary>
    public static IProgress<EpochProgress> RecordingEpochs(IProgress<EpochProgress> inner, string experiment, string silo) =>
        new EpochRecorder(inner, experiment, silo);

    public static void RecordEpoch(EpochProgress epoch, string experiment, string silo)
    {
        var siloTag = SiloTag(silo);
        var experimentTag = new KeyValuePair<string, object?>(MusicClusteringDiagnostics.ExperimentTag, experiment);
        MusicClusteringDiagnostics.EpochDuration.Record(epoch.Seconds, siloTag);
        MusicClusteringDiagnostics.TrainingLoss.Record(epoch.Loss, siloTag, experimentTag);
        MusicClusteringDiagnostics.TrainingKl.Record(epoch.Kl, siloTag, experimentTag);
    }

    private static KeyValuePair<string, object?> SiloTag(string silo) => new(MusicClusteringDiagnostics.SiloTag, silo);

    private sealed class EpochRecorder(IProgress<EpochProgress> inner, string experiment, string silo) : IProgress<EpochProgress>
    {
        public void Report(EpochProgress value)
        {
            RecordEpoch(value, experiment, silo);
            inner.Report(value);
        }
    }

    /// <summary>One experiment stage: an activity named <c>stage.{name}</c> and a duration measurement.</summary>
    public sealed class StageScope : IDisposable
    {
        private readonly string _stage;
        private readonly string? _silo;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private bool _disposed;

        internal StageScope(string stage, string? silo)
        {
            _stage = stage;
            _silo = silo;
            _activity = MusicClusteringDiagnostics.ActivitySource.StartActivity($"stage.{stage}", ActivityKind.Internal);
            _activity?.SetTag(MusicClusteringDiagnostics.StageTag, stage);
        }

        public Activity? Activity => _activity;

        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var tags = new TagList { { MusicClusteringDiagnostics.StageTag, _stage } };
            if (_silo is not null)
            {
                tags.Add(MusicClusteringDiagnostics.SiloTag, _silo);
            }

            MusicClusteringDiagnostics.StageDuration.Record(Elapsed.TotalSeconds, tags);
            _activity?.Dispose();
        }
    }
}
