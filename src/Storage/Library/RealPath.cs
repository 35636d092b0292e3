namespace MusicClustering.Storage;

/// <summary>
/// The canonical path of a file or folder with every symbolic link on the way resolved (what realpath(3) returns),
/// so a check that it lies under a root cannot be fooled by a link in any folder of the path, not only the last one.
/// Components that do not exist are kept as they are.
/// </summary>
internal static class RealPath
{
    // Linux gives up after 40 links (ELOOP); so does this.
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var links = 0;
        return Resolve(path, ref links);
    }

    private static string Resolve(string path, ref int links)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? Path.DirectorySeparatorChar.ToString();
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Join(current, segment);
            if (new FileInfo(next).LinkTarget is { } target)
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many levels of symbolic links at {next}");
                }

                // A relative target is relative to the link's folder, which is already canonical here.
                current = Resolve(Path.IsPathRooted(target) ? target : Path.Join(current, target), ref links);
            }
            else
            {
                current = next;
            }
        }

        return current;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> itself or lies under it (both canonical).</summary>
    public static bool IsUnder(string root, string path)
    {
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }
}
