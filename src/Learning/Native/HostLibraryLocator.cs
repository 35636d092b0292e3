using System.Runtime.InteropServices;

namespace MusicClustering.Learning;

/// <summary>Finds the file the dynamic loader actually binds for a soname such as <c>libstdc++.so.6</c>.</summary>
public static class HostLibraryLocator
{
    private static readonly string[] FallbackDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    /// <summary>
    /// Asks the loader itself (dlopen by soname) and reads the mapped path from <c>/proc/self/maps</c>, so
    /// LD_LIBRARY_PATH, ld.so.cache and any copy already in the process are honoured; falls back to the usual directories.
    /// </summary>
    public static string? Locate(string soname)
    {
        if (NativeLibrary.TryLoad(soname, out _))
        {
            var mapped = FindMappedPath(soname);
            if (mapped is not null)
            {
                return mapped;
            }
        }

        var searchPath = Environment.GetEnvironmentVariable("LD_LIBRARY_PATH")?.Split(':', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return searchPath.Concat(FallbackDirectories)
            .Select(directory => Path.Combine(directory, soname))
            .FirstOrDefault(File.Exists);
    }

    private static string? FindMappedPath(string soname)
    {
        const string Maps = "/proc/self/maps";
        if (!File.Exists(Maps))
        {
            return null;
        }

        // Lines end with the mapped file's path; the soname's real file may be libstdc++.so.6.0.30 behind a symlink.
        var stem = soname.Split(".so")[0] + ".so";
        foreach (var line in File.ReadLines(Maps))
        {
            var slash = line.IndexOf('/');
            if (slash < 0)
            {
                continue;
            }

            var path = line[slash..].Trim();
            if (Path.GetFileName(path).StartsWith(stem, StringComparison.Ordinal) && File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
