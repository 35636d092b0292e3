using MusicClustering.Client.Errors;
using MusicClustering.Contracts;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// <c>--labels folder|prefix|tag:genre|none</c>: where a track's label (used only to score clusterings) comes from:
/// its first sub-folder, a GTZAN-style name (<c>rock.00042.wav</c>), its genre tag, or nowhere. Without the option a
/// sub-folder wins, else the name (the behaviour of earlier versions); the ingest report says which rule ran.
/// </summary>
public sealed record LabelRule(string Name)
{
    public const string Folder = "folder";
    public const string Prefix = "prefix";
    public const string GenreTag = "tag:genre";
    public const string None = "none";
    public const string FolderOrPrefix = "folder-or-prefix";

    public static LabelRule Default { get; } = new(FolderOrPrefix);

    public static LabelRule Parse(string? text) => text switch
    {
        null => Default,
        Folder or Prefix or GenreTag or None => new LabelRule(text),
        _ => throw new UserErrorException($"--labels must be folder, prefix, tag:genre or none, not '{text}'"),
    };

    public string? For(ScannedTrack track, TrackTags? tags)
    {
        var parts = track.RelativePath.Split('/');
        var folder = parts.Length > 1 ? parts[0] : null;
        var prefix = DatasetScanner.PrefixLabel(Path.GetFileNameWithoutExtension(parts[^1]));
        return Name switch
        {
            Folder => folder,
            Prefix => prefix,
            GenreTag => tags?.Genre,
            None => null,
            _ => folder ?? prefix,
        };
    }
}
