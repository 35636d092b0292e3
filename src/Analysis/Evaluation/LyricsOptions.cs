namespace MusicClustering.Analysis.Evaluation;

/// <summary>TF-IDF (sklearn names) and LSA settings for the lyric block.</summary>
public sealed record LyricsOptions
{
    public int? MaxFeatures { get; init; } = 2000;
    public DocumentFrequency MinDf { get; init; } = 2;
    public DocumentFrequency MaxDf { get; init; } = 0.95;
    public bool SublinearTf { get; init; } = true;
    public bool StopWordsEnglish { get; init; } = true;

    /// <summary>TruncatedSvd components; 0 keeps the dense TF-IDF matrix.</summary>
    public int SvdComponents { get; init; } = 16;

    public int Seed { get; init; }
}
