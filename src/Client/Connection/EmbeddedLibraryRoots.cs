using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace MusicClustering.Client.Connection;

/// <summary>
/// The library roots of embedded mode's in-process silo: the folders this user ingested with <c>--in-place</c>, kept in
/// <c>library-roots.json</c> in the data directory so every later command's silo can read them too. They are the
/// console user's own folders on their own machine; a silo behind a gateway reads only the roots its operator configured.
/// </summary>
public static class EmbeddedLibraryRoots
{
    private const string FileName = "library-roots.json";

    public static Dictionary<string, string> Read(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, FileName);
        if (!File.Exists(path))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? [];
        }
        catch (JsonException)
        {
            // A damaged file loses the in-place roots (those tracks then fail with "root not configured"), nothing else.
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }
    }

    /// <summary>Adds <paramref name="folder"/> as a root (named after its full path, so the name is stable) and returns the name.</summary>
    public static string Register(string dataDirectory, string folder)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
        var name = NameOf(full);
        var roots = Read(dataDirectory);
        if (roots.GetValueOrDefault(name) != full)
        {
            roots[name] = full;
            Directory.CreateDirectory(dataDirectory);
            var path = Path.Combine(dataDirectory, FileName);
            var temporary = $"{path}.{Environment.ProcessId}.tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(roots, new JsonSerializerOptions { WriteIndented = true }));
            File.Move(temporary, path, overwrite: true);
        }

        return name;
    }

    /// <summary>"local-" and 12 hex digits of the folder's full path: a valid root name, the same on every ingest.</summary>
    public static string NameOf(string fullPath) =>
        $"local-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fullPath)))[..12]}";
}
