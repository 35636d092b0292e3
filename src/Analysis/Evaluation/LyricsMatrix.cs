namespace MusicClustering.Analysis.Evaluation;

/// <summary>The lyric block, one row per input track (all zeros where lyrics were missing).</summary>
public sealed record LyricsMatrix(double[][] Rows, int MissingCount, int VocabularySize, int Components);
