using MusicClustering.Contracts;

namespace MusicClustering.Storage;

/// <summary>
/// Opens a track's audio for one sequential read wherever the manifest says it lives: a file in place under one of
/// the silo's library roots, or a content-addressed blob. Track decoding reads the stream the same way either way.
/// </summary>
public sealed class AudioSource(ArtifactStore store, LibraryRoots roots)
{
    /// <exception cref="LibraryPathException">An in-place file's root is unknown, its path leaves the root, or it is missing.</exception>
    public async Task<Stream> OpenReadAsync(BlobRef? blob, LibraryFile? inPlace, CancellationToken cancellationToken)
    {
        if (inPlace is not null)
        {
            return roots.OpenRead(inPlace);
        }

        return blob is null
            ? throw new ArgumentException("the track names neither an audio blob nor an in-place file")
            : await store.OpenReadAsync(blob.Container, blob.Name, cancellationToken);
    }
}
