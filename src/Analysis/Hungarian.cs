namespace MusicClustering.Analysis;

/// <summary>Minimum-cost assignment on a rectangular cost matrix (shortest augmenting paths, Jonker–Volgenant style potentials).</summary>
public static class Hungarian
{
    /// <summary>Returns, for each row, the assigned column or -1 when there are more rows than columns.</summary>
    public static int[] Solve(double[,] cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        int rows = cost.GetLength(0);
        int cols = cost.GetLength(1);
        if (rows <= cols)
        {
            return SolveWide(cost, rows, cols, transposed: false);
        }
        // Solve the transpose so the inner solver always has rows <= cols, then invert the matching.
        int[] colToRow = SolveWide(cost, cols, rows, transposed: true);
        var rowToCol = new int[rows];
        Array.Fill(rowToCol, -1);
        for (int c = 0; c < cols; c++)
        {
            rowToCol[colToRow[c]] = c;
        }
        return rowToCol;
    }

    private static int[] SolveWide(double[,] cost, int n, int m, bool transposed)
    {
        double At(int i, int j) => transposed ? cost[j, i] : cost[i, j];

        // 1-based potentials u (rows), v (cols); match[j] = row matched to column j, 0 = free.
        var u = new double[n + 1];
        var v = new double[m + 1];
        var match = new int[m + 1];
        var way = new int[m + 1];
        var minv = new double[m + 1];
        var used = new bool[m + 1];
        for (int i = 1; i <= n; i++)
        {
            match[0] = i;
            int j0 = 0;
            Array.Fill(minv, double.PositiveInfinity);
            Array.Clear(used);
            do
            {
                used[j0] = true;
                int i0 = match[j0];
                double delta = double.PositiveInfinity;
                int j1 = 0;
                for (int j = 1; j <= m; j++)
                {
                    if (used[j])
                    {
                        continue;
                    }
                    double reduced = At(i0 - 1, j - 1) - u[i0] - v[j];
                    if (reduced < minv[j])
                    {
                        minv[j] = reduced;
                        way[j] = j0;
                    }
                    if (minv[j] < delta)
                    {
                        delta = minv[j];
                        j1 = j;
                    }
                }
                for (int j = 0; j <= m; j++)
                {
                    if (used[j])
                    {
                        u[match[j]] += delta;
                        v[j] -= delta;
                    }
                    else
                    {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            }
            while (match[j0] != 0);
            do
            {
                int j1 = way[j0];
                match[j0] = match[j1];
                j0 = j1;
            }
            while (j0 != 0);
        }
        var assignment = new int[n];
        for (int j = 1; j <= m; j++)
        {
            if (match[j] != 0)
            {
                assignment[match[j] - 1] = j - 1;
            }
        }
        return assignment;
    }
}
