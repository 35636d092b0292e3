namespace MusicClustering.Learning;

/// <summary>
/// When and how a trainer streams its rows. Up to <see cref="ResidentFloats"/> values (4 MB) the data is read once
/// and kept whole: the exact per-epoch row shuffle of every earlier run, and three copies of it (raw, standardised,
/// tensor) cost no more than the streaming buffers would. Above it, an epoch shuffles fixed chunks of
/// <see cref="ChunkRows"/> rows (one ranged read each) and rows within windows of about <see cref="WindowFloats"/>
/// values, two windows in memory at once, however many rows there are.
/// </summary>
public sealed record RowStreaming
{
    public static RowStreaming Default { get; } = new();

    public long ResidentFloats { get; init; } = 1L << 20;

    public int ChunkRows { get; init; } = 256;

    public int WindowFloats { get; init; } = 1 << 19;

    public bool KeepsResident(IRowSource source) => (long)source.Rows * source.Columns <= ResidentFloats;

    /// <summary>Chunks per shuffle window: at least two, so rows of different chunks mix within a batch.</summary>
    public int ChunksPerWindow(int columns) => Math.Max(2, WindowFloats / Math.Max(1, ChunkRows * columns));
}
