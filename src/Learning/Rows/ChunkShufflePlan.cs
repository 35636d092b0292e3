namespace MusicClustering.Learning;

/// <summary>
/// The streamed training order. Rows are cut into chunks of <c>chunkRows</c> consecutive rows; a seeded shuffle of the
/// chunks sets aside the validation chunks (like <see cref="DataSplit"/>, a chunk at a time). Each epoch shuffles the
/// training chunks by the epoch's seed, groups them into windows of <c>chunksPerWindow</c> and shuffles the rows within
/// each window, so every training row is visited exactly once per epoch, each window costs one ranged read per chunk,
/// and an epoch depends only on seed and epoch (a resumed run replays what an uninterrupted one would have done).
/// </summary>
public sealed class ChunkShufflePlan
{
    private readonly RowRange[] _train;
    private readonly int _chunksPerWindow;
    private readonly int _seed;

    public ChunkShufflePlan(int rows, int chunkRows, int chunksPerWindow, double validationFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunkRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunksPerWindow);
        var chunks = Enumerable.Range(0, (rows + chunkRows - 1) / chunkRows)
            .Select(c => new RowRange(c * chunkRows, Math.Min(chunkRows, rows - (c * chunkRows))))
            .ToArray();
        var validationCount = (int)Math.Round(chunks.Length * validationFraction);
        if (validationCount >= chunks.Length && validationCount > 0)
        {
            throw new ArgumentException($"ValidationFraction {validationFraction} leaves no training chunks out of {chunks.Length}.");
        }

        if (validationCount > 0)
        {
            new Random(seed).Shuffle(chunks);
        }

        Validation = [.. chunks[..validationCount].OrderBy(c => c.First)];
        _train = [.. chunks[validationCount..].OrderBy(c => c.First)];
        TrainRows = _train.Sum(c => c.Count);
        _chunksPerWindow = chunksPerWindow;
        _seed = seed;
    }

    /// <summary>Validation chunks, in storage order.</summary>
    public IReadOnlyList<RowRange> Validation { get; }

    public int TrainRows { get; }

    /// <summary>The windows of one epoch, in training order.</summary>
    public IEnumerable<RowWindow> Epoch(int epoch)
    {
        var random = new Random(EpochSeeds.For(_seed, epoch));
        var chunks = (RowRange[])_train.Clone();
        random.Shuffle(chunks);
        for (var start = 0; start < chunks.Length; start += _chunksPerWindow)
        {
            var ranges = chunks[start..Math.Min(chunks.Length, start + _chunksPerWindow)];
            var order = Enumerable.Range(0, ranges.Sum(r => r.Count)).ToArray();
            random.Shuffle(order);
            yield return new RowWindow(ranges, order);
        }
    }

    /// <summary>Windows over <paramref name="ranges"/> in storage order (validation, encoding), <paramref name="rowsPerWindow"/> rows at most each.</summary>
    public static IEnumerable<RowWindow> InOrder(IEnumerable<RowRange> ranges, int rowsPerWindow)
    {
        foreach (var range in ranges)
        {
            for (var first = range.First; first < range.First + range.Count; first += rowsPerWindow)
            {
                yield return new RowWindow([new RowRange(first, Math.Min(rowsPerWindow, range.First + range.Count - first))], null);
            }
        }
    }
}
