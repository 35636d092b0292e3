using System.Text.RegularExpressions;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Finds the audio files of a folder. Labels come from a sub-folder (<c>rock/song.wav</c>) or from a GTZAN-style
/// name (<c>rock.00042.wav</c>); files directly in the folder without such a name are unlabelled.
/// </summary>
public static partial class DatasetScanner
{
    public static readonly IReadOnlySet<string> AudioExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".wav", ".wave", ".au", ".snd", ".mp3", ".flac", ".ogg", ".opus", ".m4a", ".aiff", ".aif" };

    public static IReadOnlyList<ScannedTrack> Scan(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Folder '{folder}' does not exist.");
        }

        var root = Path.GetFullPath(folder);
        var tracks = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(p => AudioExtensions.Contains(Path.GetExtension(p)))
            .Order(StringComparer.Ordinal)
            .Select(p => Describe(root, p))
            .ToList();
        var duplicates = tracks.GroupBy(t => t.TrackId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Track ids collide after sanitising: {string.Join(", ", duplicates.Take(5))}.");
        }

        return tracks;
    }

    public static ScannedTrack Describe(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        var directory = Path.GetDirectoryName(relative);
        var stem = Path.GetFileNameWithoutExtension(path);
        var folderLabel = string.IsNullOrEmpty(directory) ? null : directory.Split(Path.DirectorySeparatorChar)[0];
        var nameMatch = GtzanName().Match(stem);
        var label = folderLabel ?? (nameMatch.Success ? nameMatch.Groups["label"].Value : null);
        var idSource = string.IsNullOrEmpty(directory) ? stem : $"{directory.Replace(Path.DirectorySeparatorChar, '_')}_{stem}";
        return new ScannedTrack(path, BlobNames.SafeSegment(idSource), Path.GetFileName(path), label);
    }

    [GeneratedRegex(@"^(?<label>[A-Za-z][A-Za-z0-9_-]*)\.\d+$")]
    private static partial Regex GtzanName();
}
