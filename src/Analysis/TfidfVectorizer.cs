using System.Text.RegularExpressions;

namespace MusicClustering.Analysis;

/// <summary>
/// TF-IDF like sklearn's TfidfVectorizer (unigrams, token pattern (?u)\b\w\w+\b, smooth idf, l2 rows).
/// Python's \w is [\p{L}\p{N}_], which .NET's \w is not, so the class is spelled out.
/// </summary>
public sealed partial class TfidfVectorizer
{
    public bool Lowercase { get; init; } = true;

    /// <summary>Terms dropped after tokenising; use <see cref="EnglishStopWords.Words"/> for stop_words='english'.</summary>
    public IReadOnlySet<string>? StopWords { get; init; }

    public DocumentFrequency MinDf { get; init; } = 1;
    public DocumentFrequency MaxDf { get; init; } = 1.0;

    /// <summary>Keep only the terms with the highest corpus counts (ties resolved like numpy's argsort).</summary>
    public int? MaxFeatures { get; init; }

    public bool UseIdf { get; init; } = true;
    public bool SmoothIdf { get; init; } = true;
    public bool SublinearTf { get; init; }
    public bool Normalize { get; init; } = true;

    /// <summary>Term → column, columns in ordinal (code point) order of the terms.</summary>
    public IReadOnlyDictionary<string, int> Vocabulary { get; private set; } = new Dictionary<string, int>();
    public string[] FeatureNames { get; private set; } = [];
    public double[] Idf { get; private set; } = [];

    [GeneratedRegex(@"[\p{L}\p{N}_]{2,}")]
    private static partial Regex TokenPattern();

    public IEnumerable<string> Tokenize(string document)
    {
        string text = Lowercase ? document.ToLowerInvariant() : document;
        foreach (Match match in TokenPattern().Matches(text))
        {
            if (StopWords is null || !StopWords.Contains(match.Value))
            {
                yield return match.Value;
            }
        }
    }

    public TfidfVectorizer Fit(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var counts = documents.Select(Count).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var termFrequency = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var doc in counts)
        {
            foreach (var (term, count) in doc)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
                termFrequency[term] = termFrequency.GetValueOrDefault(term) + count;
            }
        }
        string[] kept = SelectTerms(documentFrequency, termFrequency, documents.Count);
        FeatureNames = kept;
        Vocabulary = kept.Select((term, index) => (term, index)).ToDictionary(p => p.term, p => p.index, StringComparer.Ordinal);
        int samples = documents.Count + (SmoothIdf ? 1 : 0);
        Idf = kept.Select(term => Math.Log((double)samples / (documentFrequency[term] + (SmoothIdf ? 1 : 0))) + 1).ToArray();
        return this;
    }

    public SparseMatrix Transform(IReadOnlyList<string> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (FeatureNames.Length == 0)
        {
            throw new InvalidOperationException("Call Fit before Transform.");
        }
        var rowPointers = new int[documents.Count + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (int d = 0; d < documents.Count; d++)
        {
            var row = Count(documents[d])
                .Where(p => Vocabulary.ContainsKey(p.Key))
                .Select(p => (Column: Vocabulary[p.Key], Weight: Weight(p.Value, Vocabulary[p.Key])))
                .OrderBy(p => p.Column)
                .ToArray();
            double norm = Normalize ? Math.Sqrt(row.Sum(p => p.Weight * p.Weight)) : 1.0;
            foreach (var (column, weight) in row)
            {
                columns.Add(column);
                values.Add(norm > 0 ? weight / norm : weight);
            }
            rowPointers[d + 1] = columns.Count;
        }
        return new SparseMatrix(documents.Count, FeatureNames.Length, rowPointers, columns.ToArray(), values.ToArray());
    }

    public SparseMatrix FitTransform(IReadOnlyList<string> documents) => Fit(documents).Transform(documents);

    private double Weight(int count, int column)
    {
        double tf = SublinearTf ? Math.Log(count) + 1 : count;
        return UseIdf ? tf * Idf[column] : tf;
    }

    private Dictionary<string, int> Count(string document)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string token in Tokenize(document ?? string.Empty))
        {
            counts[token] = counts.GetValueOrDefault(token) + 1;
        }
        return counts;
    }

    /// <summary>sklearn's _limit_features on the alphabetically sorted vocabulary.</summary>
    private string[] SelectTerms(Dictionary<string, int> documentFrequency, Dictionary<string, long> termFrequency, int documents)
    {
        double maxCount = MaxDf.ToDocumentCount(documents);
        double minCount = MinDf.ToDocumentCount(documents);
        if (maxCount < minCount)
        {
            throw new ArgumentException("max_df corresponds to < documents than min_df.");
        }
        string[] sorted = documentFrequency.Keys.Order(StringComparer.Ordinal).ToArray();
        string[] kept = sorted.Where(t => documentFrequency[t] <= maxCount && documentFrequency[t] >= minCount).ToArray();
        if (MaxFeatures is { } limit && kept.Length > limit)
        {
            int[] order = NumpyArgsort.Argsort(kept.Select(t => -termFrequency[t]).ToArray());
            var chosen = new HashSet<int>(order.Take(limit));
            kept = kept.Where((_, i) => chosen.Contains(i)).ToArray();
        }
        if (kept.Length == 0)
        {
            throw new ArgumentException("After pruning, no terms remain. Try a lower min_df or a higher max_df.");
        }
        return kept;
    }
}
