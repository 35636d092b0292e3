using System.Diagnostics;
using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Grains.Diagnostics;
using MusicClustering.Silo.Telemetry;

namespace MusicClustering.Integration.Tests.Telemetry;

[Collection(TelemetryClusterCollection.Name)]
public sealed class SubmitTraceTests(TelemetryClusterFixture fixture) : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-telemetry-").FullName;

    [Fact]
    public async Task One_submit_is_one_trace_from_the_client_through_experiment_tracks_trainer_and_blob_io_on_both_silos()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 3, PerGenre: 6, Seconds: 2, Seed: 5), _corpus);
        var tracks = DatasetScanner.Scan(_corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("telemetry", tracks, null, null, CancellationToken.None);

        // What `cluster submit --wait` does: under its command span, start the experiment and poll it until it ends.
        Assert.Null(Activity.Current);
        var experiment = fixture.Client.GetGrain<IExperimentGrain>("telemetry-trace");
        ExperimentStatus status;
        using (var command = TelemetrySetup.StartCommand("submit", "telemetry-trace"))
        {
            Assert.NotNull(command);
            await experiment.StartAsync(TelemetrySpec.Small("telemetry", "telemetry", k: 3));
            status = await ExperimentRunner.WaitAsync(experiment);
        }

        Assert.True(status.Stage == ExperimentStage.Done, $"experiment ended {status.Stage}: {status.Error}");

        // The run's span ends just after the status says Done; give it a moment to be exported.
        var spans = await WaitForAsync(s => s.Any(a => a.OperationName == "experiment.run"));

        var root = Assert.Single(spans, a => a.OperationName == "cluster submit");
        Assert.Equal(default, root.ParentSpanId);
        var trace = spans.Where(a => a.TraceId == root.TraceId).ToList();
        var byId = trace.ToDictionary(a => a.SpanId);
        var submit = Assert.Single(trace, a => a.Kind == ActivityKind.Client && Rpc(a).EndsWith("IExperimentGrain/StartAsync", StringComparison.Ordinal));
        Assert.Equal(root.SpanId, submit.ParentSpanId);
        Assert.Contains(trace, a => a.Kind == ActivityKind.Client && Rpc(a).EndsWith("IExperimentGrain/GetStatusAsync", StringComparison.Ordinal));

        // Every span of the trace hangs, through spans we also saw, off the command's span.
        foreach (var span in trace.Where(a => a != root))
        {
            Assert.True(ReachesRoot(span, root, byId), $"span '{span.DisplayName}' ({span.Source.Name}) is not connected to the submit");
        }

        var serverStart = Assert.Single(trace, a => a.Kind == ActivityKind.Server && Rpc(a).EndsWith("IExperimentGrain/StartAsync", StringComparison.Ordinal));
        Assert.Equal(submit.SpanId, serverStart.ParentSpanId);

        // The background run is a child of the grain call that started it, and the stages are children of the run.
        var run = Assert.Single(trace, a => a.OperationName == "experiment.run");
        Assert.Equal(MusicClusteringDiagnostics.Name, run.Source.Name);
        Assert.Equal(serverStart.SpanId, run.ParentSpanId);
        foreach (var stage in new[] { "stage.features", "stage.train" })
        {
            var span = trace.FirstOrDefault(a => a.OperationName == stage);
            Assert.True(span is not null, $"no '{stage}' span in the trace; saw {string.Join(", ", trace.Select(a => a.OperationName).Distinct())}");
            Assert.True(ReachesRoot(span!, run, byId), $"'{stage}' is not under experiment.run");
        }

        // Track grains on both silos, each extraction under the features stage.
        var features = trace.First(a => a.OperationName == "stage.features");
        var extractions = trace.Where(a => a.Kind == ActivityKind.Server && Rpc(a).EndsWith("ITrackGrain/ExtractAsync", StringComparison.Ordinal)).ToList();
        Assert.Equal(18, extractions.Count);
        Assert.All(extractions, e => Assert.True(ReachesRoot(e, features, byId), "a track extraction is not under stage.features"));
        var silos = extractions.Select(e => e.GetTagItem(MusicClusteringDiagnostics.SiloTag) as string).Distinct().ToList();
        Assert.DoesNotContain(null, silos);
        Assert.Equal(TelemetryClusterFixture.Silos, silos.Count);

        // The trainer, and blob I/O from the Azure SDK inside the track grains and the trainer.
        var trainer = trace.Where(a => a.Kind == ActivityKind.Server && Rpc(a).Contains("ITrainerGrain/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(trainer);
        var blobSpans = trace.Where(a => a.Source.Name.StartsWith("Azure.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(blobSpans);
        Assert.Contains(blobSpans, b => extractions.Any(e => ReachesRoot(b, e, byId)));
    }

    private async Task<IReadOnlyList<Activity>> WaitForAsync(Func<IReadOnlyList<Activity>, bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var spans = fixture.FlushAndSnapshot();
            if (condition(spans) || watch.Elapsed > TimeSpan.FromSeconds(10))
            {
                return spans;
            }

            await Task.Delay(100);
        }
    }

    private static string Rpc(Activity activity) => activity.GetTagItem("rpc.method") as string ?? activity.DisplayName;

    private static bool ReachesRoot(Activity span, Activity ancestor, IReadOnlyDictionary<ActivitySpanId, Activity> byId)
    {
        var current = span;
        for (var depth = 0; depth < 64; depth++)
        {
            if (current.ParentSpanId == ancestor.SpanId)
            {
                return true;
            }

            if (current.ParentSpanId == default || !byId.TryGetValue(current.ParentSpanId, out var parent))
            {
                return false;
            }

            current = parent;
        }

        return false;
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
