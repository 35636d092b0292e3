namespace MusicClustering.Grains;

/// <summary>How much CPU work one silo takes on at once, and whether it has a GPU.</summary>
public sealed record ComputeSettings(int MaxConcurrentExtractions, int TorchThreads, bool HasGpu);
