namespace MusicClustering.Contracts;

/// <summary>A reference to an artifact in blob storage. Grains exchange these, never the bytes.</summary>
[GenerateSerializer, Immutable, Alias("mc.BlobRef")]
public sealed record BlobRef(
    [property: Id(0)] string Container,
    [property: Id(1)] string Name)
{
    public override string ToString() => $"{Container}/{Name}";

    /// <summary>The inverse of <see cref="ToString"/>: <c>container/name/with/slashes</c>.</summary>
    public static BlobRef Parse(string reference)
    {
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && slash < reference.Length - 1
            ? new BlobRef(reference[..slash], reference[(slash + 1)..])
            : throw new FormatException($"'{reference}' is not a blob reference (container/name)");
    }
}
