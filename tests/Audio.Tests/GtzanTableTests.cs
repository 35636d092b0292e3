using System.Globalization;

namespace MusicClustering.Audio.Tests;

/// <summary>
/// The 57 columns of GTZAN's features_30_sec.csv rebuilt from the ten <c>clips_full</c> clips with reflect padding,
/// with the tolerances: means within 1e-4 relative (MFCC means 1e-3 absolute), variances 1e-3 relative, tempo
/// 0.01 BPM, harmony/perceptr means 5e-5 absolute and variances 1e-2 relative.
/// </summary>
public sealed class GtzanTableTests(ITestOutputHelper output)
{
    [Fact]
    public void ColumnsAreTheTablesFromChromaToMfcc20Var()
    {
        var header = File.ReadLines(SharedData.Path("data", "gtzan", "features_30_sec.csv")).First().Split(',');
        Assert.Equal(header[2..^1], GtzanTable.Columns);
        Assert.Equal(57, FeatureConfig.Parse("gtzan57").Dimension());
    }

    [Theory]
    [InlineData("blues.00000.wav")]
    [InlineData("classical.00000.wav")]
    [InlineData("country.00000.wav")]
    [InlineData("disco.00000.wav")]
    [InlineData("hiphop.00000.wav")]
    [InlineData("jazz.00000.wav")]
    [InlineData("metal.00000.wav")]
    [InlineData("pop.00000.wav")]
    [InlineData("reggae.00000.wav")]
    [InlineData("rock.00000.wav")]
    public void ReproducesTheCsvRowFromAudio(string clip)
    {
        var expected = CsvRow(clip);
        var analysis = TrackAnalyzer.AnalyzeFile(SharedData.Path("data", "gtzan", "clips_full", clip), FeatureConfig.Parse("gtzan57"));
        Assert.Equal(1, analysis.Segments); // 30.01 s is one segment: exactly librosa's analysis of the clip
        var row = analysis.Vector;
        double worst = 0;
        for (var i = 0; i < GtzanTable.Columns.Count; i++)
        {
            var column = GtzanTable.Columns[i];
            var (error, tolerance) = Error(column, row[i], expected[column]);
            worst = Math.Max(worst, error / tolerance);
            Assert.True(error <= tolerance, $"{clip} {column}: {row[i]} vs {expected[column]} (error {error:E2} > {tolerance:E0})");
        }

        output.WriteLine($"{clip}: worst error {worst:P1} of its tolerance");
    }

    private static (double Error, double Tolerance) Error(string column, double ours, double theirs) => column switch
    {
        "tempo" => (Math.Abs(ours - theirs), 0.01),
        "harmony_mean" or "perceptr_mean" => (Math.Abs(ours - theirs), 5e-5),
        "harmony_var" or "perceptr_var" => (Relative(ours, theirs), 1e-2),
        _ when column.StartsWith("mfcc", StringComparison.Ordinal) && column.EndsWith("_mean", StringComparison.Ordinal) => (Math.Abs(ours - theirs), 1e-3),
        _ when column.EndsWith("_var", StringComparison.Ordinal) => (Relative(ours, theirs), 1e-3),
        _ => (Relative(ours, theirs), 1e-4),
    };

    // float32 vector entries carry 6e-8 relative rounding themselves.
    private static double Relative(double ours, double theirs) => Math.Abs(ours - theirs) / Math.Abs(theirs);

    private static Dictionary<string, double> CsvRow(string clip)
    {
        var lines = File.ReadLines(SharedData.Path("data", "gtzan", "features_30_sec.csv")).ToList();
        var header = lines[0].Split(',');
        var row = lines.First(l => l.StartsWith(Path.GetFileNameWithoutExtension(clip) + ".au,", StringComparison.Ordinal)).Split(',');
        return Enumerable.Range(2, header.Length - 3).ToDictionary(i => header[i], i => double.Parse(row[i], CultureInfo.InvariantCulture));
    }
}
