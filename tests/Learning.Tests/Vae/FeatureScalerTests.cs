namespace MusicClustering.Learning.Tests;

public sealed class FeatureScalerTests
{
    [Fact]
    public void Standardizes_like_scikit_learn_on_the_reference_table()
    {
        var raw = NumericCsv.Read(TestPaths.Shared("reference", "clustering", "random_1000x57.csv"));
        var expected = NumericCsv.Read(TestPaths.Shared("reference", "clustering", "random_1000x57_standardized.csv"), hasHeader: false);
        Assert.Equal((1000, 57), (raw.Rows, raw.Columns));
        Assert.Equal("f00", raw.Names[0]);

        var scaled = FeatureScaler.Fit(raw.Data, raw.Rows, raw.Columns).Transform(raw.Data);

        var worst = scaled.Zip(expected.Data, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"max deviation {worst}");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(1000)]
    public void The_streamed_fit_matches_scikit_learn_on_the_reference_table_whatever_the_window(int rowsPerWindow)
    {
        var raw = NumericCsv.Read(TestPaths.Shared("reference", "clustering", "random_1000x57.csv"));
        var expected = NumericCsv.Read(TestPaths.Shared("reference", "clustering", "random_1000x57_standardized.csv"), hasHeader: false);

        var streamed = FeatureScaler.Fit(new InMemoryRowSource(raw.Data, raw.Rows, raw.Columns), rowsPerWindow, CancellationToken.None);

        var worst = streamed.Transform(raw.Data).Zip(expected.Data, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst < 1e-4, $"max deviation {worst}");
        var whole = FeatureScaler.Fit(raw.Data, raw.Rows, raw.Columns);
        Assert.All(whole.Scale.Zip(streamed.Scale), pair => Assert.Equal(pair.First, pair.Second, pair.First * 1e-5f));
    }

    [Fact]
    public void A_constant_column_maps_to_zero_and_round_trips_through_bytes()
    {
        float[] data = [1, 5, 2, 5, 3, 5];
        var scaler = FeatureScaler.Fit(data, 3, 2);

        float[] expected = [-1.2247449f, 0, 0, 0, 1.2247449f, 0];
        Assert.All(expected.Zip(scaler.Transform(data)), pair => Assert.Equal(pair.First, pair.Second, 1e-6f));
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            scaler.Write(writer);
        }

        stream.Position = 0;
        var read = FeatureScaler.Read(new BinaryReader(stream));
        Assert.Equal(scaler.Mean, read.Mean);
        Assert.Equal(scaler.Scale, read.Scale);
    }
}
