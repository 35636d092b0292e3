namespace MusicClustering.Learning;

/// <summary>Training rows (row-major, <paramref name="Rows"/> × <paramref name="Columns"/>) and optional resume/checkpoint hooks.</summary>
public sealed record VaeTrainingInput(
    float[] Data,
    int Rows,
    int Columns,
    VaeCheckpoint? ResumeFrom = null,
    Action<VaeCheckpoint>? OnCheckpoint = null)
{
    public void Validate()
    {
        if (Rows <= 0 || Columns <= 0 || Data.Length != (long)Rows * Columns)
        {
            throw new ArgumentException($"Data holds {Data.Length} values, expected Rows {Rows} × Columns {Columns}.");
        }

        if (Data.Any(v => !float.IsFinite(v)))
        {
            throw new ArgumentException("Data contains NaN or infinite values.");
        }
    }
}
