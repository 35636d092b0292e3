using System.Collections.Frozen;
using MusicClustering.Contracts;

namespace MusicClustering.Storage;

/// <summary>
/// The folders a silo may read audio from in place (<c>Storage:LibraryRoots:NAME=/dir</c>), by name. A manifest names a
/// root and a path relative to it, never a full path; <see cref="Resolve"/> refuses absolute paths, "..", and any
/// symbolic link (in any folder of the path) whose target leaves the root, so a client can only make a silo read
/// files under the folders its operator configured.
/// </summary>
public sealed class LibraryRoots
{
    private readonly FrozenDictionary<string, string> _roots;

    public LibraryRoots(IReadOnlyDictionary<string, string>? roots)
    {
        var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, directory) in roots ?? new Dictionary<string, string>())
        {
            if (!IsValidName(name))
            {
                throw new ArgumentException($"library root name '{name}' must be letters, digits, '-' or '_' (at most 64)");
            }

            if (string.IsNullOrWhiteSpace(directory) || !Path.IsPathFullyQualified(directory))
            {
                throw new ArgumentException($"library root '{name}' must be an absolute folder path, not '{directory}'");
            }

            // Canonical with the root's own links resolved (a root may itself be a link to a mounted disk).
            resolved[name] = Path.TrimEndingDirectorySeparator(RealPath.Of(directory));
        }

        _roots = resolved.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static LibraryRoots None { get; } = new(null);

    public IReadOnlyCollection<string> Names => _roots.Keys;

    /// <summary>The canonical folder of a configured root, or null.</summary>
    public string? DirectoryOf(string name) => _roots.GetValueOrDefault(name);

    /// <summary>Root names are a safe, short identifier: they travel in manifests and name nothing on disk themselves.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>
    /// Checks a relative path without touching the disk: '/'-separated, not absolute, no empty, "." or ".." segment,
    /// no backslash, colon or NUL. Returns null when it is acceptable, else why not.
    /// </summary>
    public static string? WhyRefused(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath))
        {
            return "the path is empty";
        }

        if (relativePath[0] == '/' || Path.IsPathRooted(relativePath))
        {
            return "the path is absolute; in-place tracks name a path relative to their library root";
        }

        if (relativePath.IndexOfAny(['\\', ':', '\0']) >= 0)
        {
            return "the path holds a backslash, colon or NUL";
        }

        var segments = relativePath.Split('/');
        return segments.Contains("..") ? "the path has a '..' segment; in-place tracks cannot climb out of their library root"
            : segments.Contains(".") ? "the path has a '.' segment"
            : segments.Contains("") ? "the path has an empty segment"
            : null;
    }

    /// <summary>The canonical full path of an in-place track's file, checked to lie under its root and to exist.</summary>
    /// <exception cref="LibraryPathException">The root is unknown, the path leaves the root, or the file is missing.</exception>
    public string Resolve(LibraryFile file)
    {
        if (DirectoryOf(file.Root) is not { } root)
        {
            var configured = _roots.Count == 0 ? "none is configured" : $"configured: {string.Join(", ", _roots.Keys.Order(StringComparer.Ordinal))}";
            throw new LibraryPathException(
                LibraryPathException.UnknownRoot, $"library root '{file.Root}' is not configured on this silo ({configured}; set Storage:LibraryRoots:{file.Root})");
        }

        if (WhyRefused(file.RelativePath) is { } why)
        {
            throw new LibraryPathException(LibraryPathException.Refused, $"'{file.RelativePath}' refused: {why}");
        }

        var joined = Path.GetFullPath(Path.Join(root, file.RelativePath.Replace('/', Path.DirectorySeparatorChar)));
        string real;
        try
        {
            real = RealPath.Of(joined);
        }
        catch (IOException ex)
        {
            throw new LibraryPathException(LibraryPathException.Refused, $"'{file.RelativePath}' refused: {ex.Message}");
        }

        if (!RealPath.IsUnder(root, joined) || !RealPath.IsUnder(root, real))
        {
            throw new LibraryPathException(
                LibraryPathException.Refused, $"'{file.RelativePath}' refused: a symbolic link leads out of library root '{file.Root}'");
        }

        return File.Exists(real)
            ? real
            : throw new LibraryPathException(LibraryPathException.Missing, $"'{file.RelativePath}' does not exist under library root '{file.Root}'");
    }

    /// <summary>Opens an in-place track's file for one sequential read.</summary>
    public Stream OpenRead(LibraryFile file)
    {
        var path = Resolve(file);
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new LibraryPathException(LibraryPathException.Missing, $"'{file.RelativePath}' does not exist under library root '{file.Root}'");
        }
        catch (UnauthorizedAccessException)
        {
            throw new LibraryPathException(LibraryPathException.Missing, $"'{file.RelativePath}' under library root '{file.Root}' is not readable by the silo");
        }
    }
}
