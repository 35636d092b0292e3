namespace MusicClustering.Storage;

/// <summary>An upload without overwrite found the blob already there.</summary>
public sealed class ArtifactAlreadyExistsException(string container, string name, Exception? innerException = null)
    : Exception($"Artifact '{container}/{name}' already exists and overwrite was not requested.", innerException)
{
    /// <summary>The container that was written.</summary>
    public string Container { get; } = container;

    /// <summary>The blob name that was written.</summary>
    public string Name { get; } = name;
}
