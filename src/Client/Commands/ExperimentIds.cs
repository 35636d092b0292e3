using System.Security.Cryptography;
using MusicClustering.Storage;

namespace MusicClustering.Client.Commands;

public static class ExperimentIds
{
    /// <summary>A readable, unique id: the experiment's name, the UTC time and a random suffix.</summary>
    public static string New(string name) =>
        $"{BlobNames.SafeSegment(name)}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(2))}";
}
