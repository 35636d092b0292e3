using MusicClustering.Analysis.Evaluation;

namespace MusicClustering.Analysis.Tests.Evaluation;

public class LyricsFeaturesTests
{
    private static readonly string?[] Lyrics =
    [
        "love heart night dance love",
        null,
        "heart love baby dance",
        "   ",
        "war fire gun fire street",
        "street gun war money",
        "money baby love night",
        "fire night street dance",
    ];

    [Fact]
    public void Missing_lyrics_get_zero_rows_and_are_counted()
    {
        var matrix = LyricsFeatures.Build(Lyrics, new LyricsOptions { SvdComponents = 3 });
        Assert.Equal(Lyrics.Length, matrix.Rows.Length);
        Assert.Equal(2, matrix.MissingCount);
        Assert.Equal(3, matrix.Components);
        Assert.All(matrix.Rows, r => Assert.Equal(3, r.Length));
        Assert.All(matrix.Rows[1], v => Assert.Equal(0.0, v));
        Assert.All(matrix.Rows[3], v => Assert.Equal(0.0, v));
        Assert.Contains(matrix.Rows[0], v => v != 0);
    }

    [Fact]
    public void Dense_tfidf_is_fitted_on_present_documents_only()
    {
        var options = new LyricsOptions { SvdComponents = 0, MinDf = 1, MaxDf = 1.0 };
        var matrix = LyricsFeatures.Build(Lyrics, options);
        string[] present = Lyrics.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!).ToArray();
        var expected = new TfidfVectorizer { MaxFeatures = 2000, SublinearTf = true, StopWords = EnglishStopWords.Words }
            .FitTransform(present).ToDense();
        Assert.Equal(expected[0].Length, matrix.VocabularySize);
        Assert.Equal(matrix.VocabularySize, matrix.Components);
        Assert.Equal(expected[0], matrix.Rows[0]);
        Assert.Equal(expected[1], matrix.Rows[2]);
        Assert.Equal(expected[5], matrix.Rows[7]);
    }

    [Fact]
    public void Svd_components_are_clamped_to_the_corpus()
    {
        var matrix = LyricsFeatures.Build(Lyrics, new LyricsOptions { SvdComponents = 50, MinDf = 1 });
        Assert.Equal(6, matrix.Components); // six documents
    }

    [Fact]
    public void Fewer_than_two_lyrics_throws()
    {
        var error = Assert.Throws<ArgumentException>(() => LyricsFeatures.Build(["only one song here", null, ""], new LyricsOptions()));
        Assert.Contains("at least 2", error.Message);
    }
}
