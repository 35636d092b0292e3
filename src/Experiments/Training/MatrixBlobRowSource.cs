using MusicClustering.Contracts;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Experiments;

/// <summary>
/// Rows of a matrix blob (<see cref="MatrixCodec"/> layout) read on demand: the rows are stored row-major, so a run of
/// rows is one ranged GET and the matrix is never downloaded whole.
/// </summary>
public sealed class MatrixBlobRowSource : IRowSource
{
    private readonly ArtifactStore _store;
    private readonly BlobRef _blob;

    private MatrixBlobRowSource(ArtifactStore store, BlobRef blob, int rows, int columns)
    {
        _store = store;
        _blob = blob;
        Rows = rows;
        Columns = columns;
    }

    public int Rows { get; }

    public int Columns { get; }

    /// <summary>Reads the header (one small ranged GET); throws <see cref="ArtifactNotFoundException"/> or <see cref="InvalidDataException"/>.</summary>
    public static async Task<MatrixBlobRowSource> OpenAsync(ArtifactStore store, BlobRef blob, CancellationToken cancellationToken)
    {
        var header = await store.DownloadRangeAsync(blob, 0, MatrixCodec.HeaderSize, cancellationToken);
        var (rows, columns) = MatrixCodec.ReadHeader(header.ToMemory().Span);
        return new MatrixBlobRowSource(store, blob, rows, columns);
    }

    public async Task ReadAsync(RowRange range, Memory<float> destination, CancellationToken cancellationToken)
    {
        if (range.First < 0 || range.Count <= 0 || range.First + range.Count > Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(range), $"Rows {range.First}+{range.Count} are outside 0..{Rows}.");
        }

        var bytes = await _store.DownloadRangeAsync(
            _blob, MatrixCodec.RowOffset(range.First, Columns), (long)range.Count * Columns * sizeof(float), cancellationToken);
        MatrixCodec.DecodeValues(bytes.ToMemory().Span, destination.Span[..(range.Count * Columns)]);
    }
}
