using System.Globalization;
using System.Text.Json;

namespace MusicClustering.Analysis.Tests;

/// <summary>Loads the read-only sklearn reference files from the shared folder next to the repository.</summary>
internal static class ReferenceData
{
    private static readonly Lazy<string> SharedRoot = new(FindShared);
    private static readonly Lazy<string> RepositoryRoot = new(FindRepository);
    private static readonly Lazy<JsonElement> ClusteringReferenceLazy = new(() => ParseFile(RepositoryFile("tests/Reference/data/clustering_reference.json")));
    private static readonly Lazy<double[][]> StandardizedLazy = new(() => ReadMatrix(Clustering("random_1000x57_standardized.csv"), skipHeader: false));
    private static readonly Lazy<(double[][] X, int[] Genre)> RawLazy = new(ReadRaw);

    public static string Shared => SharedRoot.Value;

    public static string Clustering(string file) => Path.Combine(Shared, "reference", "clustering", file);

    public static double[][] Standardized => StandardizedLazy.Value;
    public static double[][] Raw => RawLazy.Value.X;
    public static int[] Genre => RawLazy.Value.Genre;

    public static JsonElement Json(string file) => ParseFile(Clustering(file));

    /// <summary>tests/Reference/data/clustering_reference.json, made by tests/Reference/scripts/clustering_ref.py.</summary>
    public static JsonElement ClusteringReference => ClusteringReferenceLazy.Value;

    public static string RepositoryFile(string relative) => Path.Combine(RepositoryRoot.Value, relative);

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt32()).ToArray();

    public static JsonElement ParseRepositoryFile(string relative) => ParseFile(RepositoryFile(relative));

    private static JsonElement ParseFile(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonDocument.Parse(stream).RootElement.Clone();
    }

    /// <summary>Reads the last column of a labels csv; files with a header row ("row,cluster") are handled.</summary>
    public static int[] ReadLabels(string file)
    {
        return File.ReadLines(Clustering(file))
            .Where(line => line.Length > 0 && (char.IsDigit(line[0]) || line[0] == '-'))
            .Select(line => int.Parse(line.Split(',')[^1], CultureInfo.InvariantCulture))
            .ToArray();
    }

    public static double[][] ReadMatrix(string path, bool skipHeader, int skipLastColumns = 0)
    {
        return File.ReadLines(path)
            .Skip(skipHeader ? 1 : 0)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                string[] parts = line.Split(',');
                return parts.Take(parts.Length - skipLastColumns)
                    .Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            })
            .ToArray();
    }

    private static (double[][] X, int[] Genre) ReadRaw()
    {
        string[] lines = File.ReadAllLines(Clustering("random_1000x57.csv")).Skip(1).Where(l => l.Length > 0).ToArray();
        var x = new double[lines.Length][];
        var genre = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            string[] parts = lines[i].Split(',');
            x[i] = parts[1..^1].Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            genre[i] = int.Parse(parts[^1].Replace("class", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }
        return (x, genre);
    }

    private static string FindRepository()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException($"Cluster.sln not found above {AppContext.BaseDirectory}.");
    }

    private static string FindShared()
    {
        string shared = Path.GetFullPath(Path.Combine(RepositoryRoot.Value, "..", "shared"));
        if (!Directory.Exists(Path.Combine(shared, "reference", "clustering")))
        {
            throw new InvalidOperationException($"Reference data missing: expected {shared}/reference/clustering.");
        }
        return shared;
    }
}
