namespace MusicClustering.Learning;

/// <summary>The per-user directory this product owns for derived native binaries (never the NuGet cache).</summary>
internal static class NativeCacheDirectory
{
    /// <summary>Candidate roots, preferred first: the user's cache, then a per-user folder under the temp directory.</summary>
    public static IEnumerable<string> Roots()
    {
        yield return Root();
        yield return Path.Combine(Path.GetTempPath(), $"music-clustering-{Environment.UserName}", "native");
    }

    public static string Root()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var cache = !string.IsNullOrEmpty(xdg) ? xdg
            : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".cache")
            : Path.GetTempPath();
        return Path.Combine(cache, "music-clustering", "native");
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> via a temp file and an atomic rename, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
