namespace MusicClustering.Learning;

/// <summary>One patch: <c>PatchFrames</c> log-mel frames of track <paramref name="Track"/> from <paramref name="StartFrame"/>.</summary>
public readonly record struct PatchRef(int Track, int StartFrame);
