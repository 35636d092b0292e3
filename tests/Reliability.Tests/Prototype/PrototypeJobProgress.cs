namespace MusicClustering.Reliability.Tests.Prototype;

/// <summary>The persisted state of the prototype's job: how far it got, and who wrote it last.</summary>
[GenerateSerializer]
[Alias("MusicClustering.Reliability.Tests.Prototype.PrototypeJobProgress")]
public sealed record PrototypeJobProgress(
    [property: Id(0)] int Steps,
    [property: Id(1)] int Done,
    [property: Id(2)] string? Silo,
    [property: Id(3)] int ResumedFrom,
    [property: Id(4)] bool LostOwnership);
