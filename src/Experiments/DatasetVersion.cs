using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// The version of a dataset: a hash of its manifest's content (each track's id, path, audio hash and label, and the
/// lyrics blob, which is named by its own hash), not of the commit time, so re-ingesting unchanged files keeps it.
/// An experiment id stands for one spec on one dataset version.
/// </summary>
public static class DatasetVersion
{
    private const int HexLength = 16;

    public static string Of(DatasetManifest manifest)
    {
        var canonical = new
        {
            tracks = manifest.Tracks
                .OrderBy(t => t.Id, StringComparer.Ordinal)
                .Select(t => new[] { t.Id, t.DisplayName, t.Sha256, t.Label ?? "" }),
            lyrics = manifest.Lyrics?.Name,
        };
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(canonical));
        return Convert.ToHexStringLower(SHA256.HashData(bytes))[..HexLength];
    }
}
