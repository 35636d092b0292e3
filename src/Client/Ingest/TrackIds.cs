using System.Security.Cryptography;
using System.Text;

namespace MusicClustering.Client.Ingest;

/// <summary>
/// Makes the scanner's candidate ids unique. A candidate shared by several files ("a b.wav", "a_b.wav", or two names
/// in a script that keeps nothing), or held in the manifest by another path, gets '-' and 8 hex characters of the
/// file's content hash; files with identical content also get 8 of their path's. Unique candidates stay as they are, so
/// re-ingesting a folder keeps every id.
/// </summary>
public static class TrackIds
{
    private const int HashLength = 8;

    public sealed record Candidate(string Id, string Path, string Sha256);

    /// <param name="existing">The ids already in the dataset's manifest, with the path each belongs to.</param>
    public static IReadOnlyList<string> Assign(IReadOnlyList<Candidate> candidates, IReadOnlyDictionary<string, string> existing)
    {
        var counts = candidates.GroupBy(c => c.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        bool Contested(Candidate c) => counts[c.Id] > 1 || (existing.TryGetValue(c.Id, out var path) && path != c.Path);

        var ids = candidates.Select(c => Contested(c) ? $"{c.Id}-{c.Sha256[..HashLength]}" : c.Id).ToArray();
        var repeated = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < ids.Length; i++)
        {
            if (repeated.Contains(ids[i]) || (existing.TryGetValue(ids[i], out var path) && path != candidates[i].Path && ids[i] != candidates[i].Id))
            {
                ids[i] = $"{ids[i]}-{PathHash(candidates[i].Path)}";
            }
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Length)
        {
            throw new InvalidOperationException("track ids still collide after disambiguation; this is a bug");
        }

        return ids;
    }

    private static string PathHash(string path) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..HashLength];
}
