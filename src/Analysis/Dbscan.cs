using MusicClustering.Analysis.Neighbors;

namespace MusicClustering.Analysis;

/// <summary>
/// DBSCAN with sklearn semantics: neighbourhoods include the point itself and use distance &lt;= eps; clusters are
/// grown depth-first from core points in index order, so a border point joins the first cluster that reaches it.
/// Up to the neighbour index's exact threshold neighbourhoods come from all pairs; above it from a kNN graph
/// (<see cref="DbscanOptions.MaxNeighbors"/>), so time is O(n log n) and memory O(n·k): the core test is exact
/// whenever min_samples ≤ that k, and a dense neighbourhood is only truncated, not missed.
/// </summary>
public sealed class Dbscan
{
    public const int Noise = -1;

    private readonly DbscanOptions _options;

    public Dbscan(DbscanOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MinSamples < 1 || options.Eps is <= 0)
        {
            throw new ArgumentException("MinSamples must be positive and Eps, when given, positive.", nameof(options));
        }
        _options = options;
    }

    public static DbscanResult Fit(double[][] x, DbscanOptions options) => new Dbscan(options).Fit(x);

    public DbscanResult Fit(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        int n = x.Length;
        bool fromKnee = _options.Eps is null;
        double eps = _options.Eps ?? KneeEps(x);
        var indexOptions = _options.Neighbors ?? new NeighborIndexOptions();
        List<int>[] neighborhoods = n <= indexOptions.ExactMaxSamples
            ? Neighborhoods(DataChecks.Flatten(x, cols), n, cols, eps)
            : GraphNeighborhoods(x, eps, Math.Min(Math.Max(_options.MaxNeighbors, 2 * _options.MinSamples), n - 1), indexOptions);
        var isCore = neighborhoods.Select(h => h.Count >= _options.MinSamples).ToArray();

        var labels = new int[n];
        Array.Fill(labels, Noise);
        int cluster = 0;
        var stack = new Stack<int>();
        for (int start = 0; start < n; start++)
        {
            if (labels[start] != Noise || !isCore[start])
            {
                continue;
            }
            stack.Push(start);
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                if (labels[i] != Noise)
                {
                    continue;
                }
                labels[i] = cluster;
                if (!isCore[i])
                {
                    continue;
                }
                foreach (int j in neighborhoods[i])
                {
                    if (labels[j] == Noise)
                    {
                        stack.Push(j);
                    }
                }
            }
            cluster++;
        }
        return new DbscanResult(labels, eps, fromKnee, cluster, labels.Count(l => l == Noise));
    }

    private static List<int>[] GraphNeighborhoods(double[][] x, double eps, int k, NeighborIndexOptions indexOptions)
    {
        KnnGraph graph;
        using (var index = NeighborIndex.Build(x, indexOptions))
        {
            graph = index.Graph(k);
        }
        double eps2 = eps * eps;
        int n = x.Length;
        var sets = new HashSet<int>[n];
        for (int i = 0; i < n; i++)
        {
            sets[i] = [i];
        }
        for (int i = 0; i < n; i++)
        {
            for (int t = 0; t < k && graph.SquaredDistances[i][t] <= eps2; t++)
            {
                int j = graph.Indices[i][t];
                sets[i].Add(j);
                sets[j].Add(i);
            }
        }
        return sets.Select(set => set.Order().ToList()).ToArray();
    }

    private double KneeEps(double[][] x)
    {
        double[] curve = KDistance.SortedCurve(x, Math.Min(_options.MinSamples, x.Length), _options.Neighbors);
        double eps = curve[KDistance.KneeIndex(curve)];
        // A zero knee (many duplicates) would make every point noise; fall back to the smallest positive distance.
        return eps > 0 ? eps : curve.FirstOrDefault(d => d > 0, 1e-12);
    }

    private static List<int>[] Neighborhoods(double[] flat, int n, int cols, double eps)
    {
        double eps2 = eps * eps;
        var neighborhoods = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            neighborhoods[i] = [i];
        }
        for (int i = 0; i < n; i++)
        {
            for (int j = i + 1; j < n; j++)
            {
                if (Distances.SquaredEuclidean(flat, i, flat, j, cols) <= eps2)
                {
                    neighborhoods[i].Add(j);
                    neighborhoods[j].Add(i);
                }
            }
        }
        return neighborhoods;
    }
}
