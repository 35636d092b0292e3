namespace MusicClustering.Analysis;

/// <summary>
/// A min_df/max_df bound: an absolute document count (int in sklearn) or a fraction of the corpus (float).
/// Implicit conversions keep sklearn's spelling: <c>MinDf = 2</c> is a count, <c>MaxDf = 0.9</c> a fraction.
/// </summary>
public readonly record struct DocumentFrequency
{
    private DocumentFrequency(double value, bool isFraction)
    {
        Value = value;
        IsFraction = isFraction;
    }

    public double Value { get; }
    public bool IsFraction { get; }

    public static DocumentFrequency Count(int documents) =>
        documents >= 0 ? new(documents, false) : throw new ArgumentOutOfRangeException(nameof(documents));

    public static DocumentFrequency Fraction(double share) =>
        share is >= 0 and <= 1 ? new(share, true) : throw new ArgumentOutOfRangeException(nameof(share));

    public static implicit operator DocumentFrequency(int documents) => Count(documents);
    public static implicit operator DocumentFrequency(double share) => Fraction(share);

    /// <summary>The bound in documents, unrounded like sklearn (max_df * n_doc).</summary>
    public double ToDocumentCount(int documents) => IsFraction ? Value * documents : Value;
}
