using System.Text;
using System.Text.RegularExpressions;
using MusicClustering.Audio;
using MusicClustering.Client.Errors;
using MusicClustering.Storage;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Finds the audio files of a folder. WAV and AU are read natively; every other file is audio when ffmpeg reads an
/// audio stream from it: one file of each extension is probed (up to <see cref="ProbesPerExtension"/> until one
/// answers), so the formats are ffmpeg's, not a list written here. Every file left out is listed with its reason.
/// Labels come from a sub-folder (<c>rock/song.wav</c>) or from a GTZAN-style name (<c>rock.00042.wav</c>); files
/// directly in the folder without such a name are unlabelled.
/// </summary>
public static partial class DatasetScanner
{
    public const int ProbesPerExtension = 3;

    /// <summary>What the product decodes without ffmpeg.</summary>
    public static readonly IReadOnlySet<string> NativeExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".wav", ".wave", ".au", ".snd" };

    private static readonly HashSet<string> SideFiles = new(StringComparer.OrdinalIgnoreCase) { "lyrics.csv" };

    public static DatasetScan Scan(string folder) => Scan(folder, FfmpegProbe.IsAvailable ? FfmpegProbe.HasAudioStream : null);

    /// <param name="probe">Whether a file holds audio ffmpeg reads; null when ffmpeg is not installed.</param>
    public static DatasetScan Scan(string folder, Func<string, bool>? probe)
    {
        if (File.Exists(folder))
        {
            throw new UserErrorException($"'{folder}' is a file; give the folder that holds your audio files.");
        }

        if (!Directory.Exists(folder))
        {
            throw new UserErrorException($"folder '{folder}' does not exist; give the folder that holds your audio files.");
        }

        var root = Path.GetFullPath(folder);
        var files = Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Order(StringComparer.Ordinal)
            .ToList();
        var tracks = new List<ScannedTrack>();
        var skipped = new List<SkippedFile>();
        foreach (var group in files.GroupBy(p => Path.GetExtension(p).ToLowerInvariant()))
        {
            var verdict = Judge(root, group.Key, group.ToList(), probe);
            foreach (var path in group)
            {
                if (SideFiles.Contains(Relative(root, path)))
                {
                    continue;
                }

                if (verdict is null)
                {
                    tracks.Add(Describe(root, path));
                }
                else
                {
                    skipped.Add(new SkippedFile(Relative(root, path), verdict));
                }
            }
        }

        return new DatasetScan(
            tracks.OrderBy(t => t.RelativePath, StringComparer.Ordinal).ToList(),
            skipped.OrderBy(s => s.Path, StringComparer.Ordinal).ToList());
    }

    /// <summary>Null when the files of this extension are audio; else why they are left out.</summary>
    private static string? Judge(string root, string extension, IReadOnlyList<string> files, Func<string, bool>? probe)
    {
        if (NativeExtensions.Contains(extension))
        {
            return null;
        }

        var kind = extension.Length == 0 ? "files without an extension" : $"{extension} files";
        if (probe is null)
        {
            return $"not WAV or AU, and ffmpeg, which reads the other formats, is not installed (apt-get install ffmpeg) to read {kind}";
        }

        var probed = files.Where(f => !SideFiles.Contains(Relative(root, f))).Take(ProbesPerExtension).ToList();
        if (probed.Count == 0 || probed.Any(probe))
        {
            return null;
        }

        return $"ffmpeg reads no audio from {kind} (probed {string.Join(", ", probed.Select(f => Relative(root, f)))})";
    }

    public static ScannedTrack Describe(string root, string path)
    {
        var relative = Relative(root, path);
        var parts = relative.Split('/');
        var stem = Path.GetFileNameWithoutExtension(parts[^1]);
        var folderLabel = parts.Length > 1 ? parts[0] : null;
        var nameMatch = GtzanName().Match(stem);
        var label = folderLabel ?? (nameMatch.Success ? nameMatch.Groups["label"].Value : null);
        var idSource = string.Join('_', parts[..^1].Append(stem));
        return new ScannedTrack(path, ReadableSegments.From(idSource), Nfc(parts[^1]), label) { RelativePath = relative };
    }

    /// <summary>A path relative to the folder, '/'-separated and NFC: how the manifest, reports and lyrics name a track.</summary>
    public static string Relative(string root, string path) =>
        Nfc(Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'));

    private static string Nfc(string text)
    {
        try
        {
            return text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return text;
        }
    }

    /// <summary>The label of a GTZAN-style name (<c>rock.00042</c>: rock), else null.</summary>
    public static string? PrefixLabel(string stem) => GtzanName().Match(stem) is { Success: true } match ? match.Groups["label"].Value : null;

    [GeneratedRegex(@"^(?<label>[A-Za-z][A-Za-z0-9_-]*)\.\d+$")]
    private static partial Regex GtzanName();
}
