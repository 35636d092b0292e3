namespace MusicClustering.Grains.Messaging;

/// <summary>One silo's process memory and largest grain messages, as that silo reports them.</summary>
[GenerateSerializer, Immutable, Alias("mc.SiloStats")]
public sealed record SiloStats(
    [property: Id(0)] string Silo,
    [property: Id(1)] long WorkingSetBytes,
    [property: Id(2)] long PeakWorkingSetBytes,
    [property: Id(3)] MessageSizeSnapshot? Messages);
