namespace MusicClustering.Analysis;

/// <summary>Counts of samples per (true class, predicted cluster) pair.</summary>
internal sealed class ContingencyTable
{
    public ContingencyTable(int[] truth, int[] predicted)
    {
        DataChecks.RequireSameLength(truth.Length, predicted.Length, nameof(predicted));
        var (t, classes) = LabelEncoding.Encode(truth);
        var (p, clusters) = LabelEncoding.Encode(predicted);
        Counts = new long[classes.Length, clusters.Length];
        for (int i = 0; i < t.Length; i++)
        {
            Counts[t[i], p[i]]++;
        }
        Total = truth.Length;
    }

    /// <summary>Rows are true classes, columns predicted clusters.</summary>
    public long[,] Counts { get; }
    public int Rows => Counts.GetLength(0);
    public int Cols => Counts.GetLength(1);
    public long Total { get; }

    public long[] RowSums() => Sums(byRow: true);
    public long[] ColSums() => Sums(byRow: false);

    private long[] Sums(bool byRow)
    {
        var sums = new long[byRow ? Rows : Cols];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                sums[byRow ? r : c] += Counts[r, c];
            }
        }
        return sums;
    }
}
