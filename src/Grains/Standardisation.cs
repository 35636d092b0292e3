namespace MusicClustering.Grains;

/// <summary>Column-wise z-scores (population std; constant columns left at zero), for the no-model path.</summary>
internal static class Standardisation
{
    public static float[] Standardise(float[] data, int rows, int cols)
    {
        var result = new float[data.Length];
        for (var c = 0; c < cols; c++)
        {
            double sum = 0, sumSquares = 0;
            for (var r = 0; r < rows; r++)
            {
                double v = data[(r * cols) + c];
                sum += v;
                sumSquares += v * v;
            }

            var mean = sum / rows;
            var std = Math.Sqrt(Math.Max(0, (sumSquares / rows) - (mean * mean)));
            var scale = std > 0 ? 1 / std : 1;
            for (var r = 0; r < rows; r++)
            {
                result[(r * cols) + c] = (float)((data[(r * cols) + c] - mean) * scale);
            }
        }

        return result;
    }
}
