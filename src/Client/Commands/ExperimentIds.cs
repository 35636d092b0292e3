using System.Security.Cryptography;
using MusicClustering.Storage;

namespace MusicClustering.Client.Commands;

public static class ExperimentIds
{
    /// <summary>
    /// The same id for the same spec, so submitting it again (with <c>--reuse</c>) finds the earlier run and its
    /// results instead of starting another.
    /// </summary>
    public static string ForSpec(MusicClustering.Contracts.ExperimentSpec spec) =>
        $"{BlobNames.SafeSegment(spec.Name)}-{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(MusicClustering.Contracts.ResultsJson.Serialize(spec))))[..12]}";

    /// <summary>A readable, unique id: the experiment's name, the UTC time and a random suffix.</summary>
    public static string New(string name) =>
        $"{BlobNames.SafeSegment(name)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
