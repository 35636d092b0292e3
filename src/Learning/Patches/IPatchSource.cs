namespace MusicClustering.Learning;

/// <summary>
/// Where the patch models read their training data from, one mini-batch at a time, so that the training set never
/// sits in memory whole. A source knows each track's log-mel length; the models decide which patches they want
/// (seeded per epoch) and hand the source the whole epoch's plan up front, so a remote source can prefetch ahead
/// of the training thread. Tracks are numbered 0..TrackCount-1; embeddings come back in that order.
/// </summary>
public interface IPatchSource
{
    /// <summary>Mel bands of every track's log-mel spectrogram.</summary>
    int Bands { get; }

    /// <summary>Log-mel frames of each track.</summary>
    IReadOnlyList<int> TrackFrames { get; }

    /// <summary>
    /// Yields one <see cref="PatchBatch"/> per entry of <paramref name="batches"/>, in order, each holding exactly the
    /// requested patches in the requested order. Frames past a track's end (a track shorter than a patch) are filled
    /// with that track's quietest value. Called on the training thread; it may block while data arrives.
    /// </summary>
    IEnumerable<PatchBatch> Read(IReadOnlyList<PatchRef[]> batches, int patchFrames, CancellationToken cancellationToken);
}
