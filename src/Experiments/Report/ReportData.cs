namespace MusicClustering.Experiments.Report;

/// <summary>The JSON the report's script reads: one point per track (in the order of the cluster lists' indexes) and the clusters.</summary>
public sealed record ReportData(IReadOnlyList<ReportPoint> Points, IReadOnlyList<ReportDataCluster> Clusters);

/// <summary>
/// A track on the map: x and y are null when the run had no t-SNE; audio is a signed URL, or null to play the relative path.
/// </summary>
public sealed record ReportPoint(string Track, string Path, string? Title, string? Artist, int Cluster, double? X, double? Y, string? Audio);

/// <summary>A cluster for the legend: its id, size and a short description (its distinctive descriptors).</summary>
public sealed record ReportDataCluster(int Cluster, int Size, string Description);
