using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public sealed class SkewedColumnsTests
{
    [Fact]
    public void Only_positive_right_skewed_columns_are_logged()
    {
        // Column 0: heavy right tail (logged). Column 1: symmetric. Column 2: skewed but has a zero (kept).
        float[] data =
        [
            1, -1, 0,
            1, 0, 1,
            2, 1, 1,
            1, -1, 1,
            100, 1, 50,
        ];
        var logged = SkewedColumns.LogCompress(data, 5, 3);
        Assert.Equal([0], logged);
        Assert.Equal(MathF.Log(100), data[12], 6);
        Assert.Equal(0f, data[0]);
        Assert.Equal(50f, data[14]);
        Assert.Equal(-1f, data[1]);
    }
}
