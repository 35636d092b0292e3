using System.Security.Cryptography;

namespace MusicClustering.Learning;

/// <summary>
/// Keeps version-weakened copies of native libraries under the product's cache, keyed by the original's SHA-256.
/// Originals (bin folder, NuGet cache) are only ever read.
/// </summary>
internal static class PatchedLibraryCache
{
    /// <summary>Returns the path of an intact patched copy of <paramref name="originalBytes"/> under the first usable root, writing it if needed.</summary>
    public static string GetOrCreate(
        byte[] originalBytes, string fileName, string versionName, IReadOnlyCollection<string> allowedSymbols, IEnumerable<string> roots)
    {
        var patched = ElfVersionNeedPatcher.Patch(originalBytes, versionName, allowedSymbols);
        var expectedHash = SHA256.HashData(patched);
        var folder = Convert.ToHexStringLower(SHA256.HashData(originalBytes));
        var failures = new List<string>();
        foreach (var root in roots)
        {
            var path = Path.Combine(root, folder, fileName);
            try
            {
                // Rewrite a missing or damaged copy; an intact one is reused across processes.
                if (!File.Exists(path) || !SHA256.HashData(File.ReadAllBytes(path)).AsSpan().SequenceEqual(expectedHash))
                {
                    NativeCacheDirectory.WriteAtomically(path, patched);
                }

                return path;
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                failures.Add($"{path}: {error.Message}");
            }
        }

        throw new IOException($"Could not write a patched {fileName}: {string.Join("; ", failures)}");
    }
}
