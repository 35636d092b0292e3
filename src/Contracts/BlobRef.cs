namespace MusicClustering.Contracts;

/// <summary>A reference to an artifact in blob storage. Grains exchange these, never the bytes.</summary>
[GenerateSerializer, Immutable, Alias("mc.BlobRef")]
public sealed record BlobRef(
    [property: Id(0)] string Container,
    [property: Id(1)] string Name)
{
    public override string ToString() => $"{Container}/{Name}";
}
