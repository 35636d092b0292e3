using Xunit.Abstractions;

namespace MusicClustering.Learning.Tests;

/// <summary>
/// Issue 14's quality comparison, before the pipeline wiring: the patch models with their defaults against the raw
/// MFCC-statistics baseline on the real clips, K-Means with k = number of genres, over three seeds (the same seed
/// trains the model and seeds K-Means). Labels only score. Prints a Markdown table and writes it to out/quality/.
/// </summary>
[Trait("Category", "Heavy")]
public sealed class RepresentationQualityTests(ITestOutputHelper output)
{
    private static readonly int[] Seeds = [0, 1, 2];

    [Theory]
    [InlineData("clips_trimmed")]
    [InlineData("clips_full")]
    public void Learned_representations_against_the_mfcc_statistics(string folder)
    {
        var clips = LabelledClips.Load(Path.Combine(TestPaths.RepoRoot(), "..", "shared", "data", "gtzan", folder));
        var lines = new List<string>
        {
            $"{folder}: {clips.Names.Count} clips, {clips.Classes} genres, k = {clips.Classes}, seeds {string.Join(",", Seeds)}",
            "| representation | NMI | ARI | ACC | train s (mean) |",
            "|---|---|---|---|---|",
        };
        var baseline = Seeds.Select(s => ClusteringScore.Of(clips.MfccStats, clips.Labels, clips.Classes, s)).ToList();
        lines.Add($"| MFCC stats (mean+std of 20, standardised) | {ClusteringScore.Summary(baseline)} | - |");

        foreach (var kind in new[] { PatchModelKind.ConvVae, PatchModelKind.Contrastive })
        {
            var scores = new List<ClusteringScore>();
            var seconds = new List<double>();
            foreach (var seed in Seeds)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var result = new PatchModelTrainer().Train(
                    new PatchTrainingInput(new InMemoryPatchSource(clips.LogMel)),
                    new PatchModelOptions { Kind = kind, Seed = seed, TorchThreads = 2 },
                    null,
                    CancellationToken.None);
                seconds.Add(clock.Elapsed.TotalSeconds);
                scores.Add(ClusteringScore.Of(ClusteringScore.Rows(result.Embeddings, result.Dimension), clips.Labels, clips.Classes, seed));
                Assert.All(result.Embeddings, v => Assert.True(float.IsFinite(v), $"{kind} seed {seed} embedded a non-finite value"));
                // Smoothed: with 10 clips (clips_full) an epoch is one batch of 20 random crops, so one epoch's loss is noise.
                var third = Math.Max(1, result.History.Count / 3);
                var first = result.History.Take(third).Average(e => e.Loss);
                var last = result.History.TakeLast(third).Average(e => e.Loss);
                Assert.True(last < first, $"{kind} seed {seed} did not learn: mean loss {first:G4} over the first {third} epochs, {last:G4} over the last {third}");
            }

            lines.Add($"| {kind} (defaults) | {ClusteringScore.Summary(scores)} | {seconds.Average():0} |");
        }

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        var directory = Path.Combine(TestPaths.RepoRoot(), "out", "quality");
        Directory.CreateDirectory(directory);
        File.WriteAllLines(Path.Combine(directory, $"{folder}.md"), lines);
    }
}
