namespace MusicClustering.Audio.Tests;

/// <summary>Locates ../shared next to the repository root (the directory holding Cluster.sln).</summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Cluster.sln")))
            {
                var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(dir.FullName, "..", "shared"));
                if (!Directory.Exists(System.IO.Path.Combine(shared, "reference")))
                {
                    throw new InvalidOperationException($"Shared reference data not found at {shared}; tests need ../shared/reference next to the repository root.");
                }

                return shared;
            }
        }

        throw new InvalidOperationException($"No Cluster.sln above {AppContext.BaseDirectory}; cannot locate ../shared reference data.");
    }
}
