namespace MusicClustering.Silo;

public static class ClusteringModes
{
    public const string Localhost = "localhost";
    public const string Redis = "redis";
}
