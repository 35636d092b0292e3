using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>One track's stored log-mel (<see cref="LogMelBlobs"/>): its blob, frame count and quietest value (the padding).</summary>
public sealed record PatchTrack(BlobRef LogMel, int Frames, float Floor);
