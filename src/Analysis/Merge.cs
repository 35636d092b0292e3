namespace MusicClustering.Analysis;

/// <summary>One agglomeration step: clusters represented by points <see cref="A"/> and <see cref="B"/> join at <see cref="Distance"/>.</summary>
public readonly record struct Merge(int A, int B, double Distance);
