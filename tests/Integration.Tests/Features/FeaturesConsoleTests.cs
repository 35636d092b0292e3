using System.Globalization;
using System.Text.Json;

namespace MusicClustering.Integration.Tests.Features;

/// <summary>
/// <c>cluster features</c> through the real console process: the descriptor JSON, the GTZAN row of a clip against
/// features_30_sec.csv, and a folder's table as CSV that <c>cluster evaluate</c> reads.
/// </summary>
public sealed class FeaturesConsoleTests
{
    [Fact]
    public void DescriptorsAreNamedAsLibrosaNamesThem()
    {
        var (code, stdout, stderr) = ConsoleProcess.Run("features", ConsoleProcess.Shared("reference", "wavs", "whitenoise_3s.wav"), "--descriptors", "--matrix", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        using var reference = JsonDocument.Parse(File.ReadAllText(ConsoleProcess.Shared("reference", "descriptors", "whitenoise_3s.descriptors.json")));
        var expected = reference.RootElement.GetProperty("descriptors");
        var names = root.GetProperty("descriptors").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), names);
        foreach (var name in names)
        {
            var ours = root.GetProperty("descriptors").GetProperty(name);
            var theirs = expected.GetProperty(name);
            var scale = theirs.GetProperty("mean").EnumerateArray().Max(v => Math.Abs(v.GetDouble()));
            var means = ours.GetProperty("mean").EnumerateArray().Zip(theirs.GetProperty("mean").EnumerateArray());
            Assert.All(means, p => Assert.True(Math.Abs(p.First.GetDouble() - p.Second.GetDouble()) <= 1e-3 * scale, $"{name} mean"));
            Assert.Equal(theirs.GetProperty("shape")[1].GetInt32(), ours.GetProperty("matrix")[0].GetArrayLength());
            Assert.Equal(ours.GetProperty("var").GetArrayLength(), ours.GetProperty("mean").GetArrayLength());
        }

        Assert.Equal(reference.RootElement.GetProperty("tempo").GetDouble(), root.GetProperty("tempo").GetDouble(), 3);
        Assert.True(root.GetProperty("harmony").TryGetProperty("var", out _));
        Assert.True(root.GetProperty("perceptr").TryGetProperty("mean", out _));
    }

    [Fact]
    public void TableGtzanWithReflectPaddingReproducesTheCsvRow()
    {
        var (code, stdout, stderr) = ConsoleProcess.Run("features", ConsoleProcess.Shared("data", "gtzan", "clips_full", "rock.00000.wav"), "--table", "gtzan", "--pad-mode", "reflect", "--json");

        Assert.True(code == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var table = json.RootElement.GetProperty("table");
        var lines = File.ReadLines(ConsoleProcess.Shared("data", "gtzan", "features_30_sec.csv")).ToList();
        var header = lines[0].Split(',');
        var row = lines.First(l => l.StartsWith("rock.00000.au,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(header[2..^1], table.EnumerateObject().Select(p => p.Name));
        foreach (var (column, i) in header.Select((c, i) => (c, i)).Skip(2).Take(57))
        {
            var theirs = double.Parse(row[i], CultureInfo.InvariantCulture);
            var ours = table.GetProperty(column).GetDouble();
            var tolerance = column switch
            {
                "tempo" => 0.01,
                "harmony_mean" or "perceptr_mean" => 5e-5,
                "harmony_var" or "perceptr_var" => 1e-2 * theirs,
                _ when column.StartsWith("mfcc", StringComparison.Ordinal) && column.EndsWith("_mean", StringComparison.Ordinal) => 1e-3,
                _ when column.EndsWith("_var", StringComparison.Ordinal) => 1e-3 * theirs,
                _ => 1e-4 * Math.Abs(theirs),
            };
            Assert.True(Math.Abs(ours - theirs) <= tolerance, $"{column}: {ours} vs {theirs}");
        }
    }

    [Fact]
    public void AFolderBecomesATableThatEvaluateReadsAndABadFileIsListed()
    {
        var folder = Directory.CreateTempSubdirectory("features-table-");
        try
        {
            foreach (var clip in new[] { "blues.00000.wav", "blues.00001.wav", "metal.00000.wav", "metal.00001.wav" })
            {
                File.Copy(ConsoleProcess.Shared("data", "gtzan", "clips_trimmed", clip), Path.Combine(folder.FullName, clip));
            }

            File.WriteAllText(Path.Combine(folder.FullName, "metal.00002.wav"), "not audio at all");
            var csv = Path.Combine(folder.FullName, "table.csv");

            var (code, _, stderr) = ConsoleProcess.Run("features", folder.FullName, "--table", "gtzan", "--out", csv);

            Assert.Equal(1, code); // one file failed; the others are in the table
            Assert.Contains("metal.00002.wav: unsupported_format", stderr);
            Assert.DoesNotContain("   at ", stderr);
            var lines = File.ReadAllLines(csv);
            Assert.Equal(5, lines.Length);
            Assert.StartsWith("filename,length,chroma_stft_mean,", lines[0]);
            Assert.EndsWith(",mfcc20_var,label", lines[0]);
            Assert.Equal(60, lines[0].Split(',').Length);
            Assert.Contains(lines, l => l.StartsWith("blues.00001.wav,", StringComparison.Ordinal) && l.EndsWith(",blues", StringComparison.Ordinal));

            var (evaluated, stdout, evaluateErrors) = ConsoleProcess.Run("evaluate", "--csv", csv, "--label-column", "label", "--model", "none", "--k", "2", "--algorithms", "kmeans", "--no-tsne", "--json");
            Assert.True(evaluated == 0, evaluateErrors);
            using var results = JsonDocument.Parse(stdout);
            Assert.Equal(4, results.RootElement.GetProperty("tracks").GetInt32());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
