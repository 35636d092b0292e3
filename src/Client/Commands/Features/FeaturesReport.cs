using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Features;

/// <summary>
/// What <c>cluster features FILE --json</c> prints. Field names are read by scripts: the MFCC fields as before, the
/// descriptors named as librosa and the reference files name them, and the GTZAN table's column names.
/// </summary>
public sealed record FeaturesReport(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sampleRate")] int SampleRate,
    [property: JsonPropertyName("nMfcc")] int NMfcc,
    [property: JsonPropertyName("frames")] int Frames,
    [property: JsonPropertyName("mfcc")] float[][]? Mfcc,
    [property: JsonPropertyName("mean")] double[] Mean,
    [property: JsonPropertyName("std")] double[] Std,
    [property: JsonPropertyName("segments")] int Segments,
    [property: JsonPropertyName("analysed_s")] double AnalysedSeconds,
    [property: JsonPropertyName("duration_s")] double DurationSeconds,
    [property: JsonPropertyName("warning")] string? Warning,
    [property: JsonPropertyName("timing")] FeaturesTiming Timing)
{
    [JsonPropertyName("descriptors")]
    public IReadOnlyDictionary<string, DescriptorStatistics>? Descriptors { get; init; }

    [JsonPropertyName("tempo")]
    public double? Tempo { get; init; }

    [JsonPropertyName("harmony")]
    public SignalStatistics? Harmony { get; init; }

    [JsonPropertyName("perceptr")]
    public SignalStatistics? Perceptr { get; init; }

    [JsonPropertyName("table")]
    public IReadOnlyDictionary<string, double>? Table { get; init; }
}

/// <summary>Per-row means and population variances of one descriptor, and its matrix with <c>--matrix</c>.</summary>
public sealed record DescriptorStatistics(
    [property: JsonPropertyName("mean")] double[] Mean,
    [property: JsonPropertyName("var")] double[] Var,
    [property: JsonPropertyName("matrix")] double[][]? Matrix);

public sealed record SignalStatistics(
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("var")] double Var);

/// <summary>Median time of one computation on the first segment, after warm-up to steady state.</summary>
public sealed record FeaturesTiming(
    [property: JsonPropertyName("median_ms")] double MedianMs,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("computation")] string Computation);
