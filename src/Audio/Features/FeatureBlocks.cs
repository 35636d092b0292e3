using System.Text.RegularExpressions;

namespace MusicClustering.Audio;

/// <summary>
/// Descriptor groups of a feature table known only by its column names (<c>cluster evaluate</c> on a CSV): the
/// statistic suffix (_mean, _var, _std) and an MFCC's number are dropped, and consecutive columns with the same stem
/// form one block, so the GTZAN table's 57 columns give its 10 groups (40 MFCC columns one of them) and an anonymous
/// table (f00, f01, …) one block.
/// </summary>
public static partial class FeatureBlocks
{
    public static IReadOnlyList<int> FromColumnNames(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var lengths = new List<int>();
        string? previous = null;
        foreach (var column in columns)
        {
            var stem = Stem(column);
            if (stem == previous)
            {
                lengths[^1]++;
            }
            else
            {
                lengths.Add(1);
                previous = stem;
            }
        }

        return lengths;
    }

    private static string Stem(string column) => TrailingDigits().Replace(Statistic().Replace(column.Trim().ToLowerInvariant(), string.Empty), string.Empty);

    [GeneratedRegex("_(mean|var|std|avg)$")]
    private static partial Regex Statistic();

    [GeneratedRegex("[0-9]+$")]
    private static partial Regex TrailingDigits();
}
