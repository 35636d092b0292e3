namespace MusicClustering.Learning;

/// <summary>A patch model's data and its optional resume/checkpoint hooks (<see cref="OnCheckpoint"/> runs on the training thread: hand the checkpoint off).</summary>
public sealed record PatchTrainingInput(
    IPatchSource Source,
    PatchModelCheckpoint? ResumeFrom = null,
    Action<PatchModelCheckpoint>? OnCheckpoint = null);
