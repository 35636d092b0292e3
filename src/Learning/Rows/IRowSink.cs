namespace MusicClustering.Learning;

/// <summary>Receives output rows (row-major) in order, a chunk at a time, e.g. a streaming matrix blob writer.</summary>
public interface IRowSink
{
    Task WriteAsync(ReadOnlyMemory<float> rows, CancellationToken cancellationToken);
}
