using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Where an ingested folder lies under the silos' library roots (<c>--in-place</c>): the root's name and the folder's
/// path below it ("" for the root itself). Tracks are recorded as (root, prefix/relative path), never as full paths.
/// </summary>
public sealed record InPlaceTarget(string Root, string Prefix)
{
    /// <summary>Parses <c>--library-root NAME[/SUB/PATH]</c>: the silos' root and, optionally, the folder's path under it.</summary>
    public static InPlaceTarget Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var root = slash < 0 ? text : text[..slash];
        var prefix = slash < 0 ? "" : text[(slash + 1)..].TrimEnd('/');
        if (!LibraryRoots.IsValidName(root))
        {
            throw new UserErrorException($"--library-root '{text}': the root name '{root}' must be letters, digits, '-' or '_' (the name a silo gives it in Storage:LibraryRoots)");
        }

        return prefix.Length > 0 && LibraryRoots.WhyRefused(prefix) is { } why
            ? throw new UserErrorException($"--library-root '{text}': {why}")
            : new InPlaceTarget(root, prefix);
    }

    /// <summary>The in-place reference of a file at <paramref name="relativePath"/> ('/'-separated) in the ingested folder.</summary>
    public LibraryFile For(string relativePath)
    {
        var path = Prefix.Length == 0 ? relativePath : $"{Prefix}/{relativePath}";
        return LibraryRoots.WhyRefused(path) is { } why
            ? throw new UserErrorException($"{relativePath} cannot be read in place: {why}")
            : new LibraryFile(Root, path);
    }
}
