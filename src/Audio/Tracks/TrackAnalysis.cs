namespace MusicClustering.Audio;

/// <summary>
/// A track's feature vector (its segments' statistics pooled), each segment's own vector, and how much of the track
/// was analysed: <see cref="AnalysedSeconds"/> of <see cref="DurationSeconds"/> (the header's, else what decoded).
/// <see cref="Warning"/> is set for truncated data (reason <c>truncated_data</c>, with the duration read).
/// </summary>
public sealed record TrackAnalysis(
    float[] Vector,
    IReadOnlyList<float[]> SegmentVectors,
    double AnalysedSeconds,
    double DurationSeconds,
    string? Warning)
{
    public int Segments => SegmentVectors.Count;

    /// <summary>True when less than the whole track was analysed (max_segments).</summary>
    public bool Partial => AnalysedSeconds < DurationSeconds - 1e-6;
}
