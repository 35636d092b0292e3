namespace MusicClustering.Experiments;

/// <summary>
/// The training set of an experiment's patch models, one blob the trainer request names (a list of a thousand blob
/// references would not fit in a grain message): every extracted track's log-mel, in the experiment's row order.
/// </summary>
public sealed record PatchManifest(int Bands, IReadOnlyList<PatchTrack> Tracks);
