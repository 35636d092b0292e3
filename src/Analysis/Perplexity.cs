namespace MusicClustering.Analysis;

/// <summary>Per-point Gaussian bandwidths matching a target perplexity (sklearn's _binary_search_perplexity).</summary>
internal static class Perplexity
{
    private const int Steps = 100;
    private const double Tolerance = 1e-5;

    /// <summary>Turns squared neighbour distances (rows of length k) into conditional probabilities in place.</summary>
    public static void Calibrate(double[][] squaredDistances, double perplexity)
    {
        double desiredEntropy = Math.Log(perplexity);
        foreach (double[] row in squaredDistances)
        {
            var p = new double[row.Length];
            double betaMin = double.NegativeInfinity;
            double betaMax = double.PositiveInfinity;
            double beta = 1.0;
            for (int step = 0; step < Steps; step++)
            {
                double sum = 0;
                for (int j = 0; j < row.Length; j++)
                {
                    p[j] = Math.Exp(-row[j] * beta);
                    sum += p[j];
                }
                if (sum == 0)
                {
                    sum = 1e-8;
                }
                double weighted = 0;
                for (int j = 0; j < row.Length; j++)
                {
                    p[j] /= sum;
                    weighted += row[j] * p[j];
                }
                double diff = Math.Log(sum) + beta * weighted - desiredEntropy;
                if (Math.Abs(diff) <= Tolerance)
                {
                    break;
                }
                if (diff > 0)
                {
                    betaMin = beta;
                    beta = double.IsPositiveInfinity(betaMax) ? beta * 2 : (beta + betaMax) / 2;
                }
                else
                {
                    betaMax = beta;
                    beta = double.IsNegativeInfinity(betaMin) ? beta / 2 : (beta + betaMin) / 2;
                }
            }
            Array.Copy(p, row, row.Length);
        }
    }
}
