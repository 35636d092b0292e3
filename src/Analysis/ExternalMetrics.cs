namespace MusicClustering.Analysis;

/// <summary>Agreement between a clustering and reference labels, matching sklearn.metrics. Labels are arbitrary ints.</summary>
public static class ExternalMetrics
{
    /// <summary>sklearn adjusted_rand_score via the pair confusion matrix.</summary>
    public static double AdjustedRandIndex(int[] truth, int[] predicted)
    {
        var table = new ContingencyTable(truth, predicted);
        double n = table.Total;
        double sumSquares = 0;
        foreach (long count in table.Counts)
        {
            sumSquares += (double)count * count;
        }
        double rowDot = 0;
        double colDot = 0;
        long[] rowSums = table.RowSums();
        long[] colSums = table.ColSums();
        for (int r = 0; r < table.Rows; r++)
        {
            for (int c = 0; c < table.Cols; c++)
            {
                rowDot += (double)table.Counts[r, c] * colSums[c];
                colDot += (double)table.Counts[r, c] * rowSums[r];
            }
        }
        double tp = sumSquares - n;
        double fp = rowDot - sumSquares;
        double fn = colDot - sumSquares;
        double tn = n * n - fp - fn - sumSquares;
        if (fn == 0 && fp == 0)
        {
            return 1.0;
        }
        return 2.0 * (tp * tn - fn * fp) / ((tp + fn) * (fn + tn) + (tp + fp) * (fp + tn));
    }

    /// <summary>sklearn normalized_mutual_info_score with average_method='arithmetic'.</summary>
    public static double NormalizedMutualInformation(int[] truth, int[] predicted)
    {
        var table = new ContingencyTable(truth, predicted);
        if ((table.Rows == 1 && table.Cols == 1) || table.Total == 0)
        {
            return 1.0;
        }
        double mi = MutualInformation(table);
        if (mi == 0)
        {
            return 0.0;
        }
        double normalizer = (Entropy(table.RowSums()) + Entropy(table.ColSums())) / 2;
        return mi / Math.Max(normalizer, MachineEpsilon);
    }

    /// <summary>Fraction of samples on the diagonal after the best one-to-one matching of clusters to classes.</summary>
    public static double HungarianAccuracy(int[] truth, int[] predicted)
    {
        var table = new ContingencyTable(truth, predicted);
        var cost = new double[table.Rows, table.Cols];
        for (int r = 0; r < table.Rows; r++)
        {
            for (int c = 0; c < table.Cols; c++)
            {
                cost[r, c] = -table.Counts[r, c];
            }
        }
        int[] assignment = Hungarian.Solve(cost);
        long matched = 0;
        for (int r = 0; r < assignment.Length; r++)
        {
            if (assignment[r] >= 0)
            {
                matched += table.Counts[r, assignment[r]];
            }
        }
        return (double)matched / table.Total;
    }

    /// <summary>Fraction of samples belonging to the majority class of their cluster.</summary>
    public static double Purity(int[] truth, int[] predicted)
    {
        var table = new ContingencyTable(truth, predicted);
        long majority = 0;
        for (int c = 0; c < table.Cols; c++)
        {
            long best = 0;
            for (int r = 0; r < table.Rows; r++)
            {
                best = Math.Max(best, table.Counts[r, c]);
            }
            majority += best;
        }
        return (double)majority / table.Total;
    }

    private const double MachineEpsilon = 2.220446049250313e-16;

    private static double MutualInformation(ContingencyTable table)
    {
        long[] pi = table.RowSums();
        long[] pj = table.ColSums();
        if (pi.Length == 1 || pj.Length == 1)
        {
            return 0.0;
        }
        double total = table.Total;
        double logTotal = Math.Log(total);
        double sum = 0;
        for (int r = 0; r < table.Rows; r++)
        {
            for (int c = 0; c < table.Cols; c++)
            {
                long count = table.Counts[r, c];
                if (count == 0)
                {
                    continue;
                }
                double p = count / total;
                double logOuter = -Math.Log((double)pi[r] * pj[c]) + logTotal + logTotal;
                double term = p * (Math.Log(count) - logTotal) + p * logOuter;
                // sklearn zeroes terms below machine epsilon before summing.
                sum += Math.Abs(term) < MachineEpsilon ? 0.0 : term;
            }
        }
        return Math.Max(sum, 0.0);
    }

    private static double Entropy(long[] counts)
    {
        double total = counts.Sum(c => (double)c);
        double logTotal = Math.Log(total);
        double h = 0;
        foreach (long c in counts)
        {
            if (c > 0)
            {
                h -= c / total * (Math.Log(c) - logTotal);
            }
        }
        return h;
    }
}
