namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Locates the repository and the built silo, so tests start the same binary a deployment runs.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The silo built alongside this project (it is a project reference, so one build refreshes both).</summary>
    public static string SiloDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? "Debug"
                : "Release";
            var dll = Path.Combine(Root, "src", "Silo", "bin", configuration, "net10.0", "MusicClustering.Silo.dll");
            return File.Exists(dll) ? dll : throw new FileNotFoundException($"The silo is not built at {dll}; build Cluster.sln first.", dll);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Cluster.sln not found above {AppContext.BaseDirectory}");
    }
}
