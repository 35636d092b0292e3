namespace MusicClustering.Learning;

/// <summary>Rows <see cref="First"/> .. <see cref="First"/> + <see cref="Count"/> − 1 of a row source.</summary>
public readonly record struct RowRange(int First, int Count);
