namespace MusicClustering.Audio.Tests;

/// <summary>Feature configuration names, dimensions, cache keys and vectorisation.</summary>
public sealed class FeatureConfigTests
{
    [Theory]
    [InlineData("stats", "stats", 40)]
    [InlineData(" STATS+Delta ", "stats+delta", 80)]
    [InlineData("frames:130", "frames:130", 2600)]
    [InlineData("frames:5", "frames:5", 100)]
    [InlineData("gtzan57", "gtzan57", 57)]
    [InlineData("Descriptors", "descriptors", 137)]
    [InlineData("descriptors:segment_seconds=60,max_segments=4", "descriptors:segment_seconds=60,max_segments=4", 137)]
    [InlineData("stats:max_seconds=600", "stats:max_seconds=600", 40)]
    [InlineData("frames:130,max_segments=1", "frames:130,max_segments=1", 2600)]
    public void ParsesToCanonicalNameAndDimension(string text, string canonical, int dimension)
    {
        var config = FeatureConfig.Parse(text);
        Assert.Equal(canonical, config.ToString());
        Assert.Equal(dimension, config.Dimension(20));
        Assert.Equal(config, FeatureConfig.Parse(config.ToString()));
        Assert.False(config.IsImported);
    }

    [Fact]
    public void Csv_is_imported_and_has_no_intrinsic_dimension()
    {
        var csv = FeatureConfig.Parse("csv");
        Assert.True(csv.IsImported);
        Assert.Equal("csv", csv.ToString());
        Assert.Throws<InvalidOperationException>(() => csv.Dimension(20));
    }

    [Theory]
    [InlineData("frames")]
    [InlineData("frames:0")]
    [InlineData("frames:-3")]
    [InlineData("mean")]
    [InlineData("stats:max_segments=0")]
    [InlineData("descriptors:segments=3")]
    [InlineData("csv:max_segments=2")]
    public void RejectsUnknownNames(string text)
    {
        var ex = Assert.Throws<FormatException>(() => FeatureConfig.Parse(text));
        Assert.Contains("frames:N", ex.Message);
    }

    [Fact]
    public void Cache_key_is_stable_hex_and_depends_on_name_and_every_option()
    {
        var key = FeatureConfig.Parse("stats").CacheKey;
        Assert.Matches("^[0-9a-f]{16}$", key);
        Assert.Equal(key, FeatureConfig.Parse("STATS").CacheKey);
        Assert.NotEqual(key, FeatureConfig.Parse("stats+delta").CacheKey);
        Assert.NotEqual(key, FeatureConfig.Parse("stats", new MfccOptions { PadMode = PadMode.Reflect }).CacheKey);
        Assert.NotEqual(key, FeatureConfig.Parse("stats", new MfccOptions { TopDb = null }).CacheKey);
        Assert.NotEqual(key, FeatureConfig.Parse("stats", new MfccOptions { HopLength = 256 }).CacheKey);
        Assert.Equal(key, FeatureConfig.Parse("stats", new MfccOptions { FMax = 11025 }).CacheKey); // null fmax = sr/2
        Assert.NotEqual(FeatureConfig.Parse("frames:130").CacheKey, FeatureConfig.Parse("frames:131").CacheKey);
        Assert.NotEqual(key, FeatureConfig.Parse("stats:segment_seconds=60").CacheKey);
        Assert.NotEqual(key, FeatureConfig.Parse("stats:max_segments=2").CacheKey);
        Assert.Equal(key, FeatureConfig.Parse("stats:max_seconds=60").CacheKey); // a limit refuses tracks, it does not change vectors
    }

    [Fact]
    public void LayoutsDocumentEveryBlockAndAddUpToTheDimension()
    {
        foreach (var name in new[] { "stats", "stats+delta", "frames:130", "gtzan57", "descriptors" })
        {
            var config = FeatureConfig.Parse(name);
            Assert.Equal(config.Dimension(), config.BlockLengths.Sum());
        }

        var descriptors = FeatureConfig.Parse("descriptors").Layout;
        Assert.Equal([.. DescriptorSet.Names, "tempo", "hpss"], descriptors.Select(b => b.Name));
        Assert.Equal(24, descriptors[0].Length);
        Assert.Equal(1, descriptors.Single(b => b.Name == "tempo").Length);
        Assert.Equal(10, FeatureConfig.Parse("gtzan57").Layout.Count);
        Assert.Equal(PadMode.Reflect, FeatureConfig.Parse("gtzan57").Mfcc.PadMode); // the Kaggle table's padding
    }

    [Fact]
    public void ColumnNamesGiveTheGtzanGroups()
    {
        var header = File.ReadLines(SharedData.Path("data", "gtzan", "features_30_sec.csv")).First().Split(',')[2..^1];
        Assert.Equal(FeatureConfig.Parse("gtzan57").BlockLengths, FeatureBlocks.FromColumnNames(header));
        Assert.Equal([3], FeatureBlocks.FromColumnNames(["f00", "f01", "f02"]));
    }

    [Fact]
    public void Stats_are_means_then_population_stds()
    {
        var m = new MfccMatrix(2, 4, [1, 2, 3, 4, 10, 10, 10, 10]);
        var v = TrackVectorizer.Vectorize(m, FeatureConfig.Parse("stats"));
        Assert.Equal(new[] { 2.5f, 10f, (float)Math.Sqrt(1.25), 0f }, v);
    }

    [Fact]
    public void Frames_flatten_coefficient_major_and_zero_pad()
    {
        var m = new MfccMatrix(2, 3, [1, 2, 3, 4, 5, 6]);
        Assert.Equal(new[] { 1f, 2f, 4f, 5f }, TrackVectorizer.Vectorize(m, FeatureConfig.Parse("frames:2")));
        Assert.Equal(new[] { 1f, 2f, 3f, 0f, 0f, 4f, 5f, 6f, 0f, 0f }, TrackVectorizer.Vectorize(m, FeatureConfig.Parse("frames:5")));
    }

    [Fact]
    public void Study_input_of_130_frames_gives_2600_values()
    {
        var signal = MfccParityTests.Load("sine440_3s.wav");
        var mfcc = new MfccExtractor(new MfccOptions()).Compute(signal);
        var v = TrackVectorizer.Vectorize(mfcc, FeatureConfig.Parse("frames:130"));
        Assert.Equal(2600, v.Length);
        Assert.Equal(mfcc[1, 129], v[(1 * 130) + 129]);
    }

    [Fact]
    public void Deltas_match_savitzky_golay_interp()
    {
        // Row 0: a ramp (slope 2 everywhere, edges included). Row 1: values whose savgol(9, 1, deriv=1, mode='interp')
        // was computed by hand: slope over frames 0..8 is Σ(j-4)·x_j / 60.
        var ramp = Enumerable.Range(0, 12).Select(i => 2f * i).ToArray();
        var bumpy = new float[] { 0, 1, 0, 3, 0, 5, 0, 7, 0, 9, 0, 11 };
        var m = new MfccMatrix(2, 12, [.. ramp, .. bumpy]);

        var d = Deltas.Compute(m);

        Assert.All(Enumerable.Range(0, 12), t => Assert.Equal(2f, d[0, t], 5));
        double ExpectedAt(int centre) => Enumerable.Range(-4, 9).Sum(j => j * (double)bumpy[centre + j]) / 60;
        Assert.Equal(ExpectedAt(4), d[1, 0], 5);
        Assert.Equal(ExpectedAt(4), d[1, 4], 5);
        Assert.Equal(ExpectedAt(5), d[1, 5], 5);
        Assert.Equal(ExpectedAt(7), d[1, 11], 5);

        var v = TrackVectorizer.Vectorize(m, FeatureConfig.Parse("stats+delta"));
        Assert.Equal(8, v.Length);
        Assert.Equal(2f, v[4], 5); // mean of row-0 deltas
    }
}
