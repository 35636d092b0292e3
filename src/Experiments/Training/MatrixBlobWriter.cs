using MusicClustering.Contracts;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Experiments;

/// <summary>
/// Writes a matrix blob a chunk of rows at a time without holding it: the rows go to a local temporary file, which
/// <see cref="CommitAsync"/> uploads with <see cref="ArtifactStore.UploadFileAsync(BlobRef, string, bool, CancellationToken)"/>
/// (staged blocks, made visible at once) and deletes. Memory is one chunk; disk is the matrix.
/// </summary>
public sealed class MatrixBlobWriter : IRowSink, IAsyncDisposable
{
    private readonly ArtifactStore _store;
    private readonly BlobRef _blob;
    private readonly long _values;
    private readonly string _path;
    private readonly FileStream _file;
    private long _written;

    public MatrixBlobWriter(ArtifactStore store, BlobRef blob, int rows, int cols)
    {
        _store = store;
        _blob = blob;
        _values = (long)rows * cols;
        _path = Path.Combine(Path.GetTempPath(), $"mc-matrix-{Guid.NewGuid():N}.f32m");
        _file = new FileStream(_path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1 << 16, FileOptions.DeleteOnClose);
        _file.Write(MatrixCodec.EncodeHeader(rows, cols));
    }

    public async Task WriteAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken)
    {
        if (_written + rows.Length > _values)
        {
            throw new InvalidOperationException($"The matrix holds {_values} values; {_written + rows.Length} were written.");
        }

        var bytes = new byte[rows.Length * sizeof(float)];
        MatrixCodec.EncodeValues(rows.Span, bytes);
        await _file.WriteAsync(bytes, cancellationToken);
        _written += rows.Length;
    }

    /// <summary>Uploads the matrix (overwriting) once every row has been written; returns the ETag.</summary>
    public async Task<string> CommitAsync(CancellationToken cancellationToken)
    {
        if (_written != _values)
        {
            throw new InvalidOperationException($"The matrix holds {_values} values; only {_written} were written.");
        }

        await _file.FlushAsync(cancellationToken);
        return await _store.UploadFileAsync(_blob, _path, overwrite: true, cancellationToken);
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
