using System.Diagnostics;
using MusicClustering.Audio;
using Xunit.Abstractions;

namespace MusicClustering.Learning.Tests;

/// <summary>
/// Issue 14's speed figure: conv-vae with its defaults on 1000 synthetic 30 s clips, two torch threads, on this CPU.
/// It reports the time and the load average beside it; it asserts only that training ran (speed is no test).
/// MUSIC_CLUSTERING_TIMING_CLIPS overrides the clip count for a quicker look.
/// </summary>
[Trait("Category", "Heavy")]
public sealed class ConvVaeTrainingTimeTests(ITestOutputHelper output)
{
    [Fact]
    public void Conv_vae_on_a_thousand_thirty_second_clips_reports_its_training_time()
    {
        var clips = int.TryParse(Environment.GetEnvironmentVariable("MUSIC_CLUSTERING_TIMING_CLIPS"), out var n) ? n : 1000;
        var directory = Path.Combine(Path.GetTempPath(), $"conv-vae-timing-{Guid.NewGuid():N}");
        try
        {
            var corpus = SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 10, PerGenre: clips / 10, Seconds: 30, Seed: 7), directory);
            var clock = Stopwatch.StartNew();
            var extractor = new MfccExtractor(new MfccOptions());
            var logMel = new LogMelSpectrogram[corpus.Tracks.Count];
            Parallel.For(0, logMel.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
                logMel[i] = extractor.ComputeLogMel(AudioLoader.LoadMonoFile(corpus.Tracks[i].WavPath)));
            var logMelSeconds = clock.Elapsed.TotalSeconds;

            var loadBefore = LoadAverage();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            clock.Restart();
            var result = new PatchModelTrainer().Train(
                new PatchTrainingInput(new InMemoryPatchSource(logMel)), new PatchModelOptions { TorchThreads = 2 }, null, CancellationToken.None);
            var trainSeconds = clock.Elapsed.TotalSeconds;
            var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;

            var medianEpoch = result.History.Select(h => h.Seconds).Order().ElementAt(result.History.Count / 2);
            output.WriteLine(FormattableString.Invariant(
                $"{logMel.Length} × 30 s clips: log-mel {logMelSeconds:0.0} s; conv-vae training (defaults: {result.History.Count} epochs, 2 threads) {trainSeconds:0.0} s wall ({cpuSeconds:0.0} s of process CPU time) including the embedding pass, median epoch {medianEpoch:0.00} s; load average before {loadBefore}, after {LoadAverage()}"));
            Assert.Equal(logMel.Length * result.Dimension, result.Embeddings.Length);
            Assert.True(result.History[^1].Loss < result.History[0].Loss);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
