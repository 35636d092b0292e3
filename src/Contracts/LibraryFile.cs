namespace MusicClustering.Contracts;

/// <summary>
/// Audio read in place from a library root configured on the silos (<c>Storage:LibraryRoots:NAME=/dir</c>): the
/// root's name and a '/'-separated path relative to it. Never a full path: the silo resolves and checks it under its
/// own root, so a client cannot make a silo read a file outside the folders the operator shared.
/// </summary>
[GenerateSerializer, Immutable, Alias("mc.LibraryFile")]
public sealed record LibraryFile(
    [property: Id(0)] string Root,
    [property: Id(1)] string RelativePath)
{
    public override string ToString() => $"{Root}:{RelativePath}";
}
