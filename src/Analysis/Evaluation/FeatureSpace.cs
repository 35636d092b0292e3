namespace MusicClustering.Analysis.Evaluation;

/// <summary>Builds the matrices that get clustered: standardised audio, or audio fused with a weighted lyric block.</summary>
public static class FeatureSpace
{
    /// <summary>Column standardisation (sklearn StandardScaler: mean 0, population std 1, constant columns untouched).</summary>
    public static double[][] Standardize(double[][] x) => new StandardScaler().FitTransform(x);

    /// <summary>
    /// Block-weighted standardisation: columns are standardised, then each block of consecutive columns (a descriptor
    /// group: 40 MFCC statistics, one tempo, ...) is scaled so that every block carries the same total variance, D / B
    /// for D non-constant columns in B blocks. The total stays D, so with equal blocks (or none given) this is plain
    /// standardisation. <paramref name="blockLengths"/> must sum to the column count; null or empty means one block.
    /// </summary>
    public static double[][] Standardize(double[][] x, IReadOnlyList<int>? blockLengths)
    {
        double[][] z = Standardize(x);
        if (blockLengths is not { Count: > 1 })
        {
            return z;
        }
        int cols = DataChecks.RequireRectangular(z);
        if (blockLengths.Any(b => b <= 0) || blockLengths.Sum() != cols)
        {
            throw new ArgumentException($"Block lengths {string.Join('+', blockLengths)} do not add up to the {cols} columns.", nameof(blockLengths));
        }
        double[] factor = BlockFactors(z, blockLengths);
        foreach (double[] row in z)
        {
            for (int c = 0; c < cols; c++)
            {
                row[c] *= factor[c];
            }
        }
        return z;
    }

    /// <summary>
    /// The factor each column of standardised <paramref name="z"/> is multiplied by so that every block of
    /// <paramref name="blockLengths"/> (summing to the column count) carries the same total variance; 1 for the columns
    /// of a constant block. Stored by a fitted scaler, so a new track is weighted as the fitted ones were.
    /// </summary>
    public static double[] BlockFactors(double[][] z, IReadOnlyList<int> blockLengths)
    {
        var variance = new double[blockLengths.Count];
        int start = 0;
        for (int b = 0; b < blockLengths.Count; b++)
        {
            variance[b] = TotalVariance(Columns(z, start, blockLengths[b]));
            start += blockLengths[b];
        }
        double total = variance.Sum();
        int blocks = variance.Count(v => v > 0);
        var factor = new double[start];
        start = 0;
        for (int b = 0; b < blockLengths.Count; b++)
        {
            double scale = variance[b] > 0 ? Math.Sqrt(total / (blocks * variance[b])) : 1.0;
            Array.Fill(factor, scale, start, blockLengths[b]);
            start += blockLengths[b];
        }
        return factor;
    }

    /// <summary>Copies a row-major float buffer (e.g. a tensor export) into rows of doubles.</summary>
    public static double[][] FromRowMajor(float[] data, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0 || cols < 0 || (long)rows * cols != data.Length)
        {
            throw new ArgumentException($"Expected rows*cols = {(long)rows * cols} values but got {data.Length}.", nameof(data));
        }
        var result = new double[rows][];
        for (int i = 0; i < rows; i++)
        {
            var row = new double[cols];
            for (int j = 0; j < cols; j++)
            {
                row[j] = data[i * cols + j];
            }
            result[i] = row;
        }
        return result;
    }

    /// <summary>
    /// Early fusion [audio | lyrics]. Rule: the audio block is standardised; then each block is divided by the square
    /// root of its total variance (sum of population column variances) so both carry total variance 1 regardless of
    /// how many columns they have; finally the lyric block is multiplied by <paramref name="lyricsWeight"/> (its total
    /// variance becomes weight²). Weight 0 leaves zero lyric columns, so distances, and hence clusterings and
    /// scale-free metrics, equal those of the standardised audio alone. A block with zero variance is left unscaled.
    /// </summary>
    public static double[][] Hybrid(double[][] audio, double[][] lyrics, double lyricsWeight)
    {
        int audioCols = DataChecks.RequireRectangular(audio, nameof(audio));
        int lyricCols = DataChecks.RequireRectangular(lyrics, nameof(lyrics));
        DataChecks.RequireSameLength(audio.Length, lyrics.Length, nameof(lyrics));
        if (!double.IsFinite(lyricsWeight) || lyricsWeight < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lyricsWeight), lyricsWeight, "Must be a finite value >= 0.");
        }
        double[][] standardized = Standardize(audio);
        double audioScale = UnitVarianceScale(standardized);
        double lyricScale = UnitVarianceScale(lyrics) * lyricsWeight;
        var result = new double[audio.Length][];
        for (int i = 0; i < audio.Length; i++)
        {
            var row = new double[audioCols + lyricCols];
            for (int j = 0; j < audioCols; j++)
            {
                row[j] = standardized[i][j] * audioScale;
            }
            for (int j = 0; j < lyricCols; j++)
            {
                row[audioCols + j] = lyrics[i][j] * lyricScale;
            }
            result[i] = row;
        }
        return result;
    }

    /// <summary>Sum of population column variances.</summary>
    public static double TotalVariance(double[][] x)
    {
        int cols = DataChecks.RequireRectangular(x);
        double total = 0;
        for (int j = 0; j < cols; j++)
        {
            double mean = 0;
            foreach (double[] row in x)
            {
                mean += row[j];
            }
            mean /= x.Length;
            double variance = 0;
            foreach (double[] row in x)
            {
                variance += (row[j] - mean) * (row[j] - mean);
            }
            total += variance / x.Length;
        }
        return total;
    }

    private static double[][] Columns(double[][] x, int start, int count) => x.Select(row => row[start..(start + count)]).ToArray();

    private static double UnitVarianceScale(double[][] block)
    {
        double total = TotalVariance(block);
        return total > 0 ? 1 / Math.Sqrt(total) : 1.0;
    }
}
