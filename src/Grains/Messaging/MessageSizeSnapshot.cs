namespace MusicClustering.Grains.Messaging;

/// <summary>The largest request and response bodies a silo has seen, and the call that produced the larger one.</summary>
[GenerateSerializer, Immutable, Alias("mc.MessageSizeSnapshot")]
public sealed record MessageSizeSnapshot(
    [property: Id(0)] long LargestRequestBytes,
    [property: Id(1)] long LargestResponseBytes,
    [property: Id(2)] string LargestCall,
    [property: Id(3)] long Messages)
{
    public long LargestBytes => Math.Max(LargestRequestBytes, LargestResponseBytes);
}
