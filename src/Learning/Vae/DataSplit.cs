namespace MusicClustering.Learning;

/// <summary>Seeded train/validation partition of row indices.</summary>
internal sealed record DataSplit(long[] Train, long[] Validation)
{
    public static DataSplit Create(int rows, double validationFraction, int seed)
    {
        var order = Enumerable.Range(0, rows).Select(i => (long)i).ToArray();
        var validationCount = (int)Math.Round(rows * validationFraction);
        if (validationCount == 0)
        {
            return new DataSplit(order, []);
        }

        if (validationCount >= rows)
        {
            throw new ArgumentException($"ValidationFraction {validationFraction} leaves no training rows out of {rows}.");
        }

        new Random(seed).Shuffle(order);
        return new DataSplit(order[validationCount..], order[..validationCount]);
    }
}
