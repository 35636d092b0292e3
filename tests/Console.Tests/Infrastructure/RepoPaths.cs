namespace MusicClustering.Console.Tests;

/// <summary>Where the repository and the built console are, from this test assembly's own location.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The console built beside these tests: the same configuration (Release or Debug) as this assembly.</summary>
    public static string ClusterDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var path = Path.Combine(Root, "src", "Client", "bin", configuration, "net10.0", "cluster.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Client ({configuration}) first: {path} is missing", path);
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

        throw new DirectoryNotFoundException($"no Cluster.sln above {AppContext.BaseDirectory}");
    }
}
