namespace MusicClustering.Analysis;

/// <summary>Outcome of the best K-Means run.</summary>
public sealed record KMeansResult(int[] Labels, double[][] Centers, double Inertia, int Iterations);
