namespace MusicClustering.Analysis.Neighbors;

/// <summary>One neighbour of a query: its row in the indexed data and its euclidean distance.</summary>
public readonly record struct Neighbor(int Index, double Distance);
