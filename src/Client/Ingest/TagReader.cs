using MusicClustering.Contracts;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// A file's own tags (ID3v1/v2, Vorbis comments, FLAC, MP4 atoms, ...) through TagLibSharp: title, artist, album,
/// genre, year and duration. A file TagLib cannot read, or one without tags, has none; that is never an error.
/// </summary>
public static class TagReader
{
    public static TrackTags? Read(string path)
    {
        try
        {
            using var file = TagLib.File.Create(path);
            var tag = file.Tag;
            var duration = file.Properties?.Duration is { TotalSeconds: > 0 } d ? Math.Round(d.TotalSeconds, 3) : (double?)null;
            var tags = new TrackTags(
                Clean(tag.Title),
                Clean(tag.FirstPerformer ?? tag.FirstAlbumArtist),
                Clean(tag.Album),
                Clean(tag.FirstGenre),
                tag.Year > 0 ? (int)tag.Year : null,
                duration);
            return tags == new TrackTags(DurationSeconds: duration) && duration is null ? null : tags;
        }
        catch (Exception e) when (e is TagLib.UnsupportedFormatException or TagLib.CorruptFileException or IOException or NotImplementedException or ArgumentException)
        {
            return null;
        }
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
