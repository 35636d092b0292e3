namespace MusicClustering.Learning;

/// <summary>Per-column standardisation (population std, ddof 0), like scikit-learn's StandardScaler.</summary>
public sealed record FeatureScaler(float[] Mean, float[] Scale)
{
    public int Columns => Mean.Length;

    public static FeatureScaler Identity(int columns) =>
        new(new float[columns], Enumerable.Repeat(1f, columns).ToArray());

    public static FeatureScaler Fit(float[] data, int rows, int columns)
    {
        var sum = new double[columns];
        var sumSquares = new double[columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                sum[c] += data[(r * columns) + c];
            }
        }

        var mean = sum.Select(s => s / rows).ToArray();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var d = data[(r * columns) + c] - mean[c];
                sumSquares[c] += d * d;
            }
        }

        // A constant column keeps scale 1 so it maps to zeros instead of NaN.
        var scale = sumSquares.Select(s => Math.Sqrt(s / rows)).Select(s => s > 1e-12 ? (float)s : 1f).ToArray();
        return new FeatureScaler(mean.Select(m => (float)m).ToArray(), scale);
    }

    /// <summary>
    /// Fits in one streamed pass over <paramref name="source"/>, <paramref name="rowsPerWindow"/> rows at a time: each
    /// window's mean and squared deviations, merged with Chan et al.'s pairwise update (stable, unlike Σx² − n·mean²).
    /// </summary>
    public static FeatureScaler Fit(IRowSource source, int rowsPerWindow, CancellationToken cancellationToken)
    {
        var columns = source.Columns;
        var mean = new double[columns];
        var squares = new double[columns];
        var windowMean = new double[columns];
        long count = 0;
        var windows = ChunkShufflePlan.InOrder([new RowRange(0, source.Rows)], rowsPerWindow);
        foreach (var (window, values) in RowWindowReader.Read(source, windows, rowsPerWindow, Identity(columns), cancellationToken))
        {
            var rows = window.Rows;
            Array.Clear(windowMean);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    windowMean[c] += values[(r * columns) + c];
                }
            }

            var total = count + rows;
            for (var c = 0; c < columns; c++)
            {
                windowMean[c] /= rows;
                double windowSquares = 0;
                for (var r = 0; r < rows; r++)
                {
                    var d = values[(r * columns) + c] - windowMean[c];
                    windowSquares += d * d;
                }

                var delta = windowMean[c] - mean[c];
                squares[c] += windowSquares + (delta * delta * count * rows / total);
                mean[c] += delta * rows / total;
            }

            count = total;
        }

        var scale = squares.Select(s => Math.Sqrt(s / count)).Select(s => s > 1e-12 ? (float)s : 1f).ToArray();
        return new FeatureScaler(mean.Select(m => (float)m).ToArray(), scale);
    }

    public float[] Transform(float[] data)
    {
        if (data.Length % Columns != 0)
        {
            throw new ArgumentException($"Data length {data.Length} is not a multiple of {Columns} columns.");
        }

        var result = new float[data.Length];
        for (var i = 0; i < data.Length; i++)
        {
            var c = i % Columns;
            result[i] = (data[i] - Mean[c]) / Scale[c];
        }

        return result;
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Columns);
        foreach (var value in Mean.Concat(Scale))
        {
            writer.Write(value);
        }
    }

    public static FeatureScaler Read(BinaryReader reader)
    {
        var columns = reader.ReadInt32();
        var mean = Enumerable.Range(0, columns).Select(_ => reader.ReadSingle()).ToArray();
        var scale = Enumerable.Range(0, columns).Select(_ => reader.ReadSingle()).ToArray();
        return new FeatureScaler(mean, scale);
    }
}
