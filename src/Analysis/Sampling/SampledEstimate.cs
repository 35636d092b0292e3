using System.Text.Json.Serialization;

namespace MusicClustering.Analysis.Sampling;

/// <summary>
/// A metric computed exactly or on a fixed-seed sample, as results.json records it: the value, how many points it
/// used out of how many, and a 95% normal confidence interval (with the finite-population correction; the interval
/// collapses to the value when the computation was exact).
/// </summary>
public sealed record SampledEstimate(
    [property: JsonPropertyName("value")] double Value,
    [property: JsonPropertyName("sample_size")] int SampleSize,
    [property: JsonPropertyName("population")] int Population,
    [property: JsonPropertyName("exact")] bool Exact,
    [property: JsonPropertyName("ci_low")] double ConfidenceLow,
    [property: JsonPropertyName("ci_high")] double ConfidenceHigh,
    [property: JsonPropertyName("seed")] int Seed)
{
    public const double Z95 = 1.959963984540054;

    [JsonPropertyName("confidence")]
    public double Confidence => 0.95;

    public static SampledEstimate FromExact(double value, int population) => new(value, population, population, true, value, value, 0);

    /// <summary>Mean of per-point terms with its normal interval; <paramref name="scale"/> maps the mean onto the metric (value = offset + scale·mean).</summary>
    public static SampledEstimate FromTerms(IReadOnlyList<double> terms, int population, int seed, double offset = 0, double scale = 1)
    {
        int m = terms.Count;
        double mean = terms.Average();
        double variance = m > 1 ? terms.Sum(t => (t - mean) * (t - mean)) / (m - 1) : 0;
        double finite = Math.Max(0, 1 - (double)m / population);
        double half = Z95 * Math.Abs(scale) * Math.Sqrt(variance / m * finite);
        double value = offset + scale * mean;
        return new SampledEstimate(value, m, population, false, value - half, value + half, seed);
    }
}
