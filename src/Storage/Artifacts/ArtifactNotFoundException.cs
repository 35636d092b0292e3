namespace MusicClustering.Storage;

/// <summary>The requested blob (or its container) does not exist.</summary>
public sealed class ArtifactNotFoundException(string container, string name, Exception? innerException = null)
    : Exception($"Artifact '{container}/{name}' was not found.", innerException)
{
    /// <summary>The container that was read.</summary>
    public string Container { get; } = container;

    /// <summary>The blob name that was read.</summary>
    public string Name { get; } = name;
}
