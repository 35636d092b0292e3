using MusicClustering.Audio;

namespace MusicClustering.Experiments.Library;

/// <summary>A name for every value of a config's track vector, for people: <c>tempo</c>, <c>mfcc1_mean</c>, <c>rms[1]</c>.</summary>
public static class FeatureColumns
{
    public static IReadOnlyList<string> For(string featureConfig, int dimension)
    {
        var config = FeatureConfig.Parse(featureConfig);
        if (config.Kind == FeatureKind.Gtzan57 && GtzanTable.Columns.Count == dimension)
        {
            return GtzanTable.Columns;
        }

        var names = new List<string>(dimension);
        foreach (var block in config.Layout)
        {
            names.AddRange(Names(block));
        }

        return names.Count == dimension ? names : [.. Enumerable.Range(0, dimension).Select(i => $"feature[{i}]")];
    }

    // Descriptor blocks hold their rows' means, then their standard deviations (FeatureLayouts).
    private static IEnumerable<string> Names(FeatureBlock block)
    {
        if (block.Length == 1)
        {
            return [block.Name];
        }

        if (block.Length % 2 == 1 || block.Name is "mfcc_frames" or "hpss")
        {
            return Enumerable.Range(0, block.Length).Select(i => $"{block.Name}[{i}]");
        }

        var rows = block.Length / 2;
        return rows == 1
            ? [$"{block.Name}_mean", $"{block.Name}_std"]
            : Enumerable.Range(0, block.Length).Select(i => $"{block.Name}{(i % rows) + 1}_{(i < rows ? "mean" : "std")}");
    }
}
