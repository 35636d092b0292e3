namespace MusicClustering.Analysis.Tests;

public class StandardScalerTests
{
    [Fact]
    public void Fit_transform_matches_sklearn_standardized_table()
    {
        double[][] scaled = new StandardScaler().FitTransform(ReferenceData.Raw);
        double[][] expected = ReferenceData.Standardized;
        Assert.Equal(expected.Length, scaled.Length);
        double worst = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            for (int j = 0; j < expected[i].Length; j++)
            {
                worst = Math.Max(worst, Math.Abs(expected[i][j] - scaled[i][j]));
            }
        }
        Assert.True(worst < 1e-9, $"max abs difference {worst:E3}");
    }

    [Fact]
    public void Constant_column_gets_scale_one()
    {
        double[][] x = [[1, 5], [2, 5], [3, 5]];
        var scaler = new StandardScaler().Fit(x);
        Assert.Equal(1.0, scaler.Scale[1]);
        Assert.All(scaler.Transform(x), row => Assert.Equal(0.0, row[1]));
        Tolerance.Relative(Math.Sqrt(2.0 / 3.0), scaler.Scale[0], 1e-12);
    }
}
