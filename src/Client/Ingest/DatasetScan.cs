namespace MusicClustering.Client.Ingest;

/// <summary>What a folder holds: the audio files to ingest and every other file with the reason it is left out.</summary>
public sealed record DatasetScan(IReadOnlyList<ScannedTrack> Tracks, IReadOnlyList<SkippedFile> Skipped);
