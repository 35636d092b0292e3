namespace MusicClustering.Analysis.Neighbors;

/// <summary>
/// Every point's k nearest other points, nearest first: row i of <see cref="Indices"/> and of
/// <see cref="SquaredDistances"/> (euclidean², recomputed in double precision whichever index found them).
/// </summary>
public sealed record KnnGraph(int[][] Indices, double[][] SquaredDistances)
{
    public int Count => Indices.Length;

    public int K => Indices.Length == 0 ? 0 : Indices[0].Length;
}
