namespace MusicClustering.Analysis;

/// <summary>DBSCAN labels (noise = -1) and the eps actually used.</summary>
public sealed record DbscanResult(int[] Labels, double Eps, bool EpsFromKnee, int Clusters, int Noise);
