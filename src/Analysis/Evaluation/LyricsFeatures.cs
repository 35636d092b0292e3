namespace MusicClustering.Analysis.Evaluation;

/// <summary>
/// Lyrics → TF-IDF → optional LSA (TruncatedSvd). Rule for tracks without lyrics (null, empty or whitespace):
/// TF-IDF and SVD are fitted only on tracks that have lyrics, so missing ones do not skew the vocabulary or idf;
/// a track without lyrics gets an all-zero lyric row (it is then placed by its audio features alone) and is counted
/// in <see cref="LyricsMatrix.MissingCount"/>.
/// </summary>
public static class LyricsFeatures
{
    public static LyricsMatrix Build(IReadOnlyList<string?> lyricsPerRow, LyricsOptions options)
    {
        ArgumentNullException.ThrowIfNull(lyricsPerRow);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SvdComponents < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.SvdComponents, "SvdComponents must be >= 0.");
        }
        int[] present = Enumerable.Range(0, lyricsPerRow.Count).Where(i => !string.IsNullOrWhiteSpace(lyricsPerRow[i])).ToArray();
        if (present.Length < 2)
        {
            throw new ArgumentException(
                $"Lyrics features need at least 2 tracks with lyrics; only {present.Length} of {lyricsPerRow.Count} have any.",
                nameof(lyricsPerRow));
        }
        string[] documents = present.Select(i => lyricsPerRow[i]!).ToArray();
        var vectorizer = new TfidfVectorizer
        {
            MaxFeatures = options.MaxFeatures,
            MinDf = options.MinDf,
            MaxDf = options.MaxDf,
            SublinearTf = options.SublinearTf,
            StopWords = options.StopWordsEnglish ? EnglishStopWords.Words : null,
        };
        SparseMatrix tfidf;
        try
        {
            tfidf = vectorizer.FitTransform(documents);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"TF-IDF on {documents.Length} lyric documents failed: {error.Message}", nameof(lyricsPerRow), error);
        }

        double[][] block = options.SvdComponents == 0
            ? tfidf.ToDense()
            // More components than documents or terms cannot exist; clamp rather than fail on small corpora.
            : new TruncatedSvd(Math.Min(options.SvdComponents, Math.Min(tfidf.Rows, tfidf.Cols)), options.Seed).FitTransform(tfidf);
        int width = block[0].Length;
        var rows = new double[lyricsPerRow.Count][];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[width];
        }
        for (int d = 0; d < present.Length; d++)
        {
            rows[present[d]] = block[d];
        }
        return new LyricsMatrix(rows, lyricsPerRow.Count - present.Length, tfidf.Cols, width);
    }
}
