namespace MusicClustering.Analysis;

/// <summary>Row-wise distance helpers shared by the algorithms.</summary>
public static class Distances
{
    /// <summary>Squared euclidean distance, summed feature by feature like scipy's pdist.</summary>
    public static double SquaredEuclidean(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }

    public static double Euclidean(double[] a, double[] b) => Math.Sqrt(SquaredEuclidean(a, b));

    /// <summary>Squared distance between row <paramref name="row"/> of a flat matrix and a row of another flat matrix.</summary>
    public static double SquaredEuclidean(double[] x, int row, double[] y, int yRow, int cols)
    {
        int a = row * cols;
        int b = yRow * cols;
        double sum = 0;
        for (int j = 0; j < cols; j++)
        {
            double d = x[a + j] - y[b + j];
            sum += d * d;
        }
        return sum;
    }
}
