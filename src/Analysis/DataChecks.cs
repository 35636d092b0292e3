namespace MusicClustering.Analysis;

/// <summary>Argument validation for row-major data sets.</summary>
internal static class DataChecks
{
    /// <summary>Ensures a non-empty rectangular matrix and returns its column count.</summary>
    public static int RequireRectangular(double[][] x, string name = "x")
    {
        ArgumentNullException.ThrowIfNull(x, name);
        if (x.Length == 0)
        {
            throw new ArgumentException("The data set has no rows.", name);
        }
        int cols = x[0].Length;
        foreach (double[] row in x)
        {
            if (row.Length != cols)
            {
                throw new ArgumentException("All rows must have the same number of columns.", name);
            }
        }
        return cols;
    }

    public static void RequireSameLength(int expected, int actual, string name)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"Expected {expected} entries but got {actual}.", name);
        }
    }

    /// <summary>Copies rows into one contiguous row-major array for cache-friendly loops.</summary>
    public static double[] Flatten(double[][] x, int cols)
    {
        var flat = new double[x.Length * cols];
        for (int i = 0; i < x.Length; i++)
        {
            Array.Copy(x[i], 0, flat, i * cols, cols);
        }
        return flat;
    }
}
