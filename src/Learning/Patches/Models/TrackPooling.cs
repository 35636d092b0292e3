namespace MusicClustering.Learning;

/// <summary>Aggregates per-patch embeddings into one vector per track: mean, or mean then population std.</summary>
internal sealed class TrackPooling(int tracks, int dimension, PatchPooling pooling)
{
    private readonly double[] _sum = new double[tracks * dimension];
    private readonly double[] _sumSquares = new double[tracks * dimension];
    private readonly int[] _counts = new int[tracks];

    public int OutputDimension => pooling == PatchPooling.MeanStd ? 2 * dimension : dimension;

    public void Add(int track, ReadOnlySpan<float> embedding)
    {
        var offset = track * dimension;
        for (var d = 0; d < dimension; d++)
        {
            _sum[offset + d] += embedding[d];
            _sumSquares[offset + d] += (double)embedding[d] * embedding[d];
        }

        _counts[track]++;
    }

    /// <summary>Tracks × OutputDimension, row-major.</summary>
    public float[] Result()
    {
        var output = new float[tracks * OutputDimension];
        for (var t = 0; t < tracks; t++)
        {
            if (_counts[t] == 0)
            {
                throw new InvalidOperationException($"Track {t} had no patches to pool.");
            }

            for (var d = 0; d < dimension; d++)
            {
                var mean = _sum[(t * dimension) + d] / _counts[t];
                output[(t * OutputDimension) + d] = (float)mean;
                if (pooling == PatchPooling.MeanStd)
                {
                    var variance = Math.Max(0, (_sumSquares[(t * dimension) + d] / _counts[t]) - (mean * mean));
                    output[(t * OutputDimension) + dimension + d] = (float)Math.Sqrt(variance);
                }
            }
        }

        return output;
    }
}
