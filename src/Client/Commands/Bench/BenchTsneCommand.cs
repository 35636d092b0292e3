using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MusicClustering.Analysis;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>cluster bench tsne</c>: Barnes–Hut t-SNE of a table, ours against scikit-learn's TSNE in the same run (same
/// data, perplexity, iterations, init pca, one thread each by default), with both embeddings' trustworthiness.
/// </summary>
public static class BenchTsneCommand
{
    private const string ReferenceScript = "tsne_ref.py";

    public static Command Create()
    {
        var csv = new Option<string?>("--csv") { Description = "Feature table (header row; non-numeric columns ignored). Default: synthetic blobs." };
        var points = new Option<int>("--points") { Description = "Synthetic blobs: number of points.", DefaultValueFactory = _ => 1000 };
        var dimensions = new Option<int>("--dimensions") { Description = "Synthetic blobs: dimensions.", DefaultValueFactory = _ => 50 };
        var perplexity = new Option<double>("--perplexity") { DefaultValueFactory = _ => 30 };
        var iterations = new Option<int>("--iterations") { Description = "n_iter of both.", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "Threads for ours and for the reference's OpenMP/BLAS.", DefaultValueFactory = _ => 1 };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs of each (the median is reported).", DefaultValueFactory = _ => 1 };
        var reference = ReferenceOption.Create();
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON to stdout." };
        var command = new Command("tsne", "Time t-SNE against scikit-learn in the same run.")
        {
            csv, points, dimensions, perplexity, iterations, threads, repeats, reference, json,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            int n = parseResult.GetValue(points);
            int d = parseResult.GetValue(dimensions);
            int runs = parseResult.GetValue(repeats);
            int threadCount = parseResult.GetValue(threads);
            int iterationCount = parseResult.GetValue(iterations);
            double perplexityValue = parseResult.GetValue(perplexity);
            if (n < 10 || d < 2 || runs < 1 || threadCount < 1 || iterationCount < 300 || !(perplexityValue > 0))
            {
                throw new UserErrorException("need --points >= 10, --dimensions >= 2, --repeats >= 1, --threads >= 1, --iterations >= 300 and --perplexity > 0");
            }

            var path = parseResult.GetValue(csv);
            if (path is not null && !File.Exists(path))
            {
                throw new UserErrorException($"no such file: {path}");
            }

            double[][] x = path is null ? SyntheticBlobs(n, d) : ReadTable(path);
            if (perplexityValue >= x.Length)
            {
                throw new UserErrorException("--perplexity must be below the number of points");
            }

            string data = path is null ? $"synthetic blobs {x.Length}x{x[0].Length}, 10 clusters, seed 0" : Path.GetFileName(path);
            var report = await RunAsync(x, data, perplexityValue, iterationCount, threadCount, runs, parseResult.GetValue(reference), cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(report));
            }
            else
            {
                CliContext.Status.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"t-SNE {report.Points}x{report.Dimensions}, perplexity {report.Perplexity}, {report.Iterations} iterations, {report.Threads} thread(s): ") +
                    Describe(report)));
            }

            return 0;
        });
        return command;
    }

    public static async Task<TsneBenchReport> RunAsync(
        double[][] x, string data, double perplexity, int iterations, int threads, int repeats, string? referenceDirectory, CancellationToken cancellationToken)
    {
        var options = new TsneOptions { Perplexity = perplexity, NIter = iterations, MaxDegreeOfParallelism = threads };
        // One short fit first so the timed runs measure steady-state code, not the JIT.
        new Tsne(options with { NIter = 300 }).FitTransform(x);
        var seconds = new List<double>();
        double[][] embedding = [];
        var tsne = new Tsne(options);
        for (int r = 0; r < repeats; r++)
        {
            var watch = Stopwatch.StartNew();
            embedding = tsne.FitTransform(x);
            seconds.Add(watch.Elapsed.TotalSeconds);
        }

        double ours = Median(seconds);
        double trust = EmbeddingMetrics.Trustworthiness(x, embedding, 10);
        const string referenceName = "scikit-learn TSNE (barnes_hut)";
        var harness = ReferenceHarness.Locate(referenceDirectory, out var whyNot);
        var script = ReferenceHarness.RepositoryScript(ReferenceScript);
        SideBySideTiming timing;
        JsonElement? referenceJson = null;
        if (harness is null || script is null)
        {
            timing = SideBySideTiming.Unmeasured(ours, referenceName, harness is null ? whyNot : $"{ReferenceScript} was not found under tests/Reference/scripts");
        }
        else
        {
            var table = Path.Combine(Path.GetTempPath(), $"cluster-bench-tsne-{Guid.NewGuid():N}.csv");
            try
            {
                await File.WriteAllLinesAsync(table, x.Select(row => string.Join(',', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))), cancellationToken);
                string F(double v) => v.ToString(CultureInfo.InvariantCulture);
                using var document = await harness.RunToJsonFileAsync(script, [table], ["--perplexity", F(perplexity), "--n-iter", F(iterations), "--repeats", F(repeats)], threads, cancellationToken);
                referenceJson = document.RootElement.Clone();
                timing = SideBySideTiming.Measured(ours, referenceJson.Value.GetProperty("seconds_median").GetDouble(), referenceName);
            }
            catch (ReferenceHarnessException error)
            {
                timing = SideBySideTiming.Unmeasured(ours, referenceName, error.Message);
            }
            finally
            {
                File.Delete(table);
            }
        }

        double? Reference(string name) => referenceJson?.GetProperty(name).GetDouble();
        return new TsneBenchReport(
            x.Length, x[0].Length, data, perplexity, iterations, threads, repeats,
            timing.OursSeconds, timing.ReferenceSeconds, timing.Ratio, timing.Reference, timing.ReferenceNote, timing.Machine,
            new TsneBenchReport.Pair(tsne.IterationsRun, Reference("n_iter_run")),
            new TsneBenchReport.Pair(trust, Reference("trustworthiness")),
            new TsneBenchReport.Pair(tsne.KlDivergence, Reference("kl_divergence")));
    }

    private static string Describe(TsneBenchReport report)
    {
        var timing = new SideBySideTiming(report.OursSeconds, report.ReferenceSeconds, report.Ratio, report.Reference, report.ReferenceNote, report.Machine);
        return timing.Describe() + string.Create(CultureInfo.InvariantCulture,
            $"; trustworthiness ours {report.Trustworthiness.Ours:F4}, reference {(report.Trustworthiness.Reference is { } t ? t.ToString("F4", CultureInfo.InvariantCulture) : "n/a")}");
    }

    /// <summary>Ten Gaussian blobs (unit noise around centres uniform in [−5, 5)), seeded, so every run times the same table.</summary>
    private static double[][] SyntheticBlobs(int n, int d)
    {
        var random = new Random(0);
        var centers = Enumerable.Range(0, 10).Select(_ => Enumerable.Range(0, d).Select(_ => random.NextDouble() * 10 - 5).ToArray()).ToArray();
        return Enumerable.Range(0, n).Select(i => centers[i % 10].Select(c => c + Gaussian(random)).ToArray()).ToArray();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static double[][] ReadTable(string path)
    {
        var table = NumericCsv.Read(path);
        int columns = table.Columns.Count;
        return Enumerable.Range(0, table.Rows).Select(r => Enumerable.Range(0, columns).Select(c => (double)table.Data[r * columns + c]).ToArray()).ToArray();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
