namespace MusicClustering.Learning.Tests;

/// <summary>Locates the repository root and the read-only shared reference data next to it.</summary>
internal static class TestPaths
{
    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Cluster.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"No Cluster.sln above {AppContext.BaseDirectory}.");
    }

    public static string Shared(params string[] parts)
    {
        var shared = Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared"));
        if (!Directory.Exists(shared))
        {
            throw new DirectoryNotFoundException($"Shared reference data missing at {shared}.");
        }

        var path = Path.Combine([shared, .. parts]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Shared reference file missing: {path}");
        }

        return path;
    }
}
