using MusicClustering.Audio;
using MusicClustering.Client.Commands.Bench;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;

namespace MusicClustering.Integration.Tests.Output;

/// <summary>
/// Scripts read the product's JSON: results.json, every <c>--json</c> output and the bench reports. Their field names
/// and order are pinned in <c>json-fields.golden.txt</c>; set MC_UPDATE_GOLDEN=1 to rewrite it after a deliberate change.
/// </summary>
public sealed class JsonOutputTests
{
    private const string GoldenFile = "json-fields.golden.txt";

    [Fact]
    public void Results_json_keeps_its_field_names() => AssertPinned("results.json", ResultsJson.Serialize(JsonOutputSamples.Results()));

    [Fact]
    public void Ingest_json_keeps_its_field_names() => AssertPinned(
        "ingest --json",
        ResultsJson.Serialize(new IngestReport("d", 3, 2, 1, 2, 1000, 0.5) { DatasetTracks = 3, LyricsMatched = 1 }));

    [Fact]
    public void Bench_reports_keep_their_field_names()
    {
        var stages = new E2eStages(1, 2, 3, 4, 5, 6, 7, 8);
        AssertPinned("bench e2e --json", ResultsJson.Serialize(new E2eBenchReport(10, 2, stages, new E2eCachedRun(stages), 494, [1, 2])
        {
            Source = "in-place",
            Timing = SideBySideTiming.Measured(9, 30, "Python pipeline"),
            ReferenceStages = new Dictionary<string, double> { ["mfcc"] = 20, ["total"] = 30 },
        }));
        AssertPinned("bench mfcc --json", ResultsJson.Serialize(MfccBenchReport.From(
            SideBySideTiming.Measured(0.003, 0.033, "librosa"),
            0.15,
            new Dictionary<string, double> { ["fft"] = 1.2 },
            30,
            1292,
            8,
            new WorkFloor(0.087, new Dictionary<string, double> { ["fft"] = 43500 }, 2_700_000, new CorePeak(2.3, 8, 73.6), 0.4, 1.2))));
        AssertPinned("bench vae --json", ResultsJson.Serialize(new VaeBenchReport(SideBySideTiming.Measured(0.1, 0.164, "PyTorch"), 50, 1000, 40, "cpu", 1)));
        AssertPinned("side-by-side timing", ResultsJson.Serialize(SideBySideTiming.Measured(1, 2, "librosa")));
    }

    [Fact]
    public async Task Features_json_of_the_real_console_keeps_its_field_names()
    {
        var file = Path.Combine(Path.GetTempPath(), $"mc-features-{Guid.NewGuid():N}.wav");
        try
        {
            var tone = Enumerable.Range(0, 22050).Select(i => (float)Math.Sin(i * 0.05)).ToArray();
            using (var stream = File.Create(file))
            {
                WavWriter.WritePcm16(stream, tone, 22050);
            }

            var (exitCode, stdout, stderr) = await ConsoleProcess.RunAsync(["features", file, "--json"]);
            Assert.True(exitCode == 0, stderr);
            AssertPinned("features --json", stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertPinned(string output, string json)
    {
        var actual = JsonFieldNames.Of(json);
        var golden = Golden.Read(GoldenFile);
        if (Environment.GetEnvironmentVariable("MC_UPDATE_GOLDEN") == "1")
        {
            Golden.Write(GoldenFile, output, actual);
            return;
        }

        Assert.True(golden.TryGetValue(output, out var expected), $"{GoldenFile} has no section '{output}'");
        Assert.Equal(expected, actual);
    }
}
