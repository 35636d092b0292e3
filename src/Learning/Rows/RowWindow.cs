namespace MusicClustering.Learning;

/// <summary>
/// Rows read together: the <see cref="Ranges"/> back to back, visited in <see cref="Order"/> (positions in that
/// concatenation; null visits them in storage order).
/// </summary>
public sealed record RowWindow(RowRange[] Ranges, int[]? Order)
{
    public int Rows => Ranges.Sum(r => r.Count);

    /// <summary>The source row at <paramref name="position"/> of the visiting order.</summary>
    public int SourceRow(int position)
    {
        var offset = Order is null ? position : Order[position];
        foreach (var range in Ranges)
        {
            if (offset < range.Count)
            {
                return range.First + offset;
            }

            offset -= range.Count;
        }

        throw new ArgumentOutOfRangeException(nameof(position));
    }
}
