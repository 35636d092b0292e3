namespace MusicClustering.Analysis.Neighbors;

/// <summary>Exact k nearest rows of a flat row-major matrix to one query, kept in a short sorted buffer.</summary>
internal static class BruteForce
{
    /// <summary>Fills <paramref name="indices"/>/<paramref name="squared"/> (length k, nearest first); returns how many were found.</summary>
    public static int Nearest(double[] flat, int n, int cols, ReadOnlySpan<double> query, int exclude, Span<int> indices, Span<double> squared)
    {
        int k = indices.Length;
        squared.Fill(double.PositiveInfinity);
        int found = 0;
        for (int j = 0; j < n; j++)
        {
            if (j == exclude)
            {
                continue;
            }
            double d = SquaredDistance(flat.AsSpan(j * cols, cols), query);
            if (d >= squared[k - 1])
            {
                continue;
            }
            int at = k - 1;
            while (at > 0 && squared[at - 1] > d)
            {
                squared[at] = squared[at - 1];
                indices[at] = indices[at - 1];
                at--;
            }
            squared[at] = d;
            indices[at] = j;
            found = Math.Min(found + 1, k);
        }
        return found;
    }

    public static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++)
        {
            double d = a[j] - b[j];
            sum += d * d;
        }
        return sum;
    }
}
