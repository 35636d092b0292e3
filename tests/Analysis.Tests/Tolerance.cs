namespace MusicClustering.Analysis.Tests;

internal static class Tolerance
{
    /// <summary>Asserts |actual - expected| &lt;= rel * max(|expected|, floor).</summary>
    public static void Relative(double expected, double actual, double rel = 1e-6, double floor = 1e-12, string what = "")
    {
        double allowed = rel * Math.Max(Math.Abs(expected), floor);
        Assert.True(Math.Abs(actual - expected) <= allowed,
            $"{what}: expected {expected:R}, got {actual:R} (|diff| {Math.Abs(actual - expected):E3} > {allowed:E3})");
    }
}
