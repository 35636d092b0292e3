namespace MusicClustering.Learning;

/// <summary>
/// Training rows, optional resume/checkpoint hooks, and where the latent means go: with <see cref="Latents"/> they are
/// written there a chunk at a time (the result's <see cref="VaeTrainingResult.LatentMeans"/> is then empty), otherwise
/// they come back in the result.
/// </summary>
public sealed record VaeTrainingInput(
    IRowSource Source,
    VaeCheckpoint? ResumeFrom = null,
    Action<VaeCheckpoint>? OnCheckpoint = null)
{
    /// <summary>Rows held in memory (row-major, <paramref name="rows"/> × <paramref name="columns"/>).</summary>
    public VaeTrainingInput(float[] data, int rows, int columns, VaeCheckpoint? resumeFrom = null, Action<VaeCheckpoint>? onCheckpoint = null)
        : this(new InMemoryRowSource(data, rows, columns), resumeFrom, onCheckpoint)
    {
    }

    public int Rows => Source.Rows;

    public int Columns => Source.Columns;

    public IRowSink? Latents { get; init; }

    public RowStreaming Streaming { get; init; } = RowStreaming.Default;

    public void Validate()
    {
        if (Rows <= 0 || Columns <= 0)
        {
            throw new ArgumentException($"Expected rows and columns, got Rows {Rows} × Columns {Columns}.");
        }
    }
}
