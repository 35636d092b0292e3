using System.Text.Json;
using System.Text.Json.Serialization;
using MusicClustering.Audio;

namespace MusicClustering.Client.Commands.Features;

/// <summary>The JSON report of one file: MFCC, optionally the descriptors and the GTZAN row, and the timing.</summary>
internal static class SingleFile
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static FeaturesReport Report(string path, FeatureConfig config, bool computeDescriptors, bool printDescriptors, bool printMatrix, bool printTable, int repeats)
    {
        var options = config.Mfcc;
        var features = new FileFeatures { Options = options, WithDescriptors = computeDescriptors, KeepMatrices = !computeDescriptors || printMatrix };
        features.Analyse(path, config);
        var mfcc = features.Mfcc;
        var report = new FeaturesReport(
            Path.GetFileName(path),
            options.SampleRate,
            options.NMfcc,
            mfcc.Frames,
            computeDescriptors ? null : MfccRows(features.MfccMatrices),
            [.. mfcc.Rows.Select(r => r.Mean)],
            [.. mfcc.Rows.Select(r => r.StdDev)],
            features.Segments,
            features.AnalysedSeconds,
            features.DurationSeconds,
            features.Warning,
            Time(features.FirstSegment, options, computeDescriptors, repeats));
        if (features.Summary is not { } summary)
        {
            return report;
        }

        return report with
        {
            Descriptors = printDescriptors ? Descriptors(summary, printMatrix ? features.DescriptorSets : null) : null,
            Tempo = printDescriptors ? summary.Tempo : null,
            Harmony = printDescriptors ? Signal(summary.Harmony) : null,
            Perceptr = printDescriptors ? Signal(summary.Perceptr) : null,
            Table = printTable ? GtzanTable.Columns.Zip(GtzanTable.Row(summary)).ToDictionary(p => p.First, p => p.Second) : null,
        };
    }

    private static FeaturesTiming Time(float[] segment, MfccOptions options, bool descriptors, int repeats)
    {
        Action work = descriptors
            ? () => TrackAnalyzer.Descriptors(options).Compute(segment)
            : () => TrackAnalyzer.Mfcc(options).Compute(segment);
        if (repeats > 1)
        {
            SteadyState.WarmUp(work);
        }

        return new FeaturesTiming(SteadyState.Median(SteadyState.Time(repeats, work)), repeats, descriptors ? "descriptors" : "mfcc");
    }

    private static Dictionary<string, DescriptorStatistics> Descriptors(DescriptorSummary summary, IReadOnlyList<DescriptorSet>? matrices) =>
        DescriptorSet.Names.ToDictionary(
            name => name,
            name => new DescriptorStatistics(
                [.. summary.Rows[name].Select(r => r.Mean)],
                [.. summary.Rows[name].Select(r => r.Variance)],
                matrices is null ? null : Concatenated(matrices.Select(m => m[name]).ToList())));

    // Segment matrices side by side: row r of the result is row r of every segment in order.
    private static double[][] Concatenated(IReadOnlyList<DescriptorMatrix> parts) =>
        [.. Enumerable.Range(0, parts[0].Rows).Select(r => parts.SelectMany(p => p.Row(r).ToArray()).ToArray())];

    private static float[][] MfccRows(IReadOnlyList<MfccMatrix> parts) =>
        [.. Enumerable.Range(0, parts[0].Coefficients).Select(c => parts.SelectMany(p => p.Row(c).ToArray()).ToArray())];

    private static SignalStatistics? Signal(FrameStatistics? statistics) =>
        statistics is { } s ? new SignalStatistics(s.Mean, s.Variance) : null;
}
