using System.Security.Cryptography;
using System.Text;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Client.Commands;

public static class ExperimentIds
{
    /// <summary>
    /// The same id for the same spec on the same dataset version, so submitting it again (with <c>--reuse</c>) finds the
    /// earlier run and its results, and a changed dataset starts a new experiment instead.
    /// </summary>
    public static string ForSpec(ExperimentSpec spec, string datasetVersion) =>
        $"{ReadableSegments.From(spec.Name)}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{ResultsJson.Serialize(spec)}\n{datasetVersion}")))[..12]}";

    /// <summary>A readable, unique id: the experiment's name, the UTC time and a random suffix.</summary>
    public static string New(string name) =>
        $"{ReadableSegments.From(name)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
