using System.Text.Json;

namespace MusicClustering.Analysis.Tests;

public class TfidfTests
{
    private static readonly Lazy<string[]> Lyrics = new(() =>
    {
        List<string[]> records = CsvRecords.Read(Path.Combine(ReferenceData.Shared, "data", "lyrics", "tcc_ceds_music_sample1000.csv"));
        int column = Array.IndexOf(records[0], "lyrics");
        Assert.True(column >= 0, "lyrics column missing");
        return records.Skip(1).Take(200).Select(r => r[column]).ToArray();
    });

    private static readonly JsonElement Reference = ReferenceData.Json("tfidf_reference.json").GetProperty("vectorizers");

    public static TheoryData<string> Configurations => new() { "default", "max_features_50_sublinear", "min_df2_english_stop" };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Matches_sklearn_vocabulary_idf_and_rows(string name)
    {
        JsonElement expected = Reference.GetProperty(name);
        JsonElement p = expected.GetProperty("params");
        Assert.Equal("l2", p.GetProperty("norm").GetString());
        Assert.True(p.GetProperty("smooth_idf").GetBoolean());
        var vectorizer = new TfidfVectorizer
        {
            Lowercase = p.GetProperty("lowercase").GetBoolean(),
            StopWords = p.GetProperty("stop_words").ValueKind == JsonValueKind.String ? EnglishStopWords.Words : null,
            MinDf = p.GetProperty("min_df").GetInt32(),
            MaxDf = p.GetProperty("max_df").GetDouble(),
            MaxFeatures = p.GetProperty("max_features").ValueKind == JsonValueKind.Number ? p.GetProperty("max_features").GetInt32() : null,
            SublinearTf = p.GetProperty("sublinear_tf").GetBoolean(),
        };
        SparseMatrix matrix = vectorizer.FitTransform(Lyrics.Value);

        Assert.Equal(expected.GetProperty("vocabulary_size").GetInt32(), vectorizer.FeatureNames.Length);
        foreach (JsonProperty idf in expected.GetProperty("idf").EnumerateObject())
        {
            Assert.True(vectorizer.Vocabulary.ContainsKey(idf.Name), $"term '{idf.Name}' missing");
            Tolerance.Relative(idf.Value.GetDouble(), vectorizer.Idf[vectorizer.Vocabulary[idf.Name]], 1e-9, what: $"idf {idf.Name}");
        }
        foreach (JsonProperty row in expected.GetProperty("rows").EnumerateObject())
        {
            int r = int.Parse(row.Name, System.Globalization.CultureInfo.InvariantCulture);
            var terms = row.Value.EnumerateObject().ToArray();
            Assert.Equal(terms.Length, matrix.RowIndices(r).Length);
            foreach (JsonProperty term in terms)
            {
                Tolerance.Relative(term.Value.GetDouble(), matrix[r, vectorizer.Vocabulary[term.Name]], 1e-9, what: $"row {r} '{term.Name}'");
            }
        }
    }

    [Fact]
    public void English_stop_words_is_sklearn_12_list()
    {
        Assert.Equal(318, EnglishStopWords.Words.Count);
        Assert.Contains("amoungst", EnglishStopWords.Words);
        Assert.Contains("noone", EnglishStopWords.Words);
    }

    [Fact]
    public void Tokenize_UsesPythonWordCharacters()
    {
        var vectorizer = new TfidfVectorizer();
        Assert.Equal(["don", "stop", "café", "x2", "under_score"], vectorizer.Tokenize("Don't STOP a café x2 under_score!"));
    }

    [Fact]
    public void Document_frequency_int_is_count_double_is_fraction()
    {
        DocumentFrequency count = 2;
        DocumentFrequency fraction = 0.5;
        Assert.Equal(2, count.ToDocumentCount(10));
        Assert.Equal(5, fraction.ToDocumentCount(10));
        var vectorizer = new TfidfVectorizer { MaxDf = 0.5 }.Fit(["aa bb", "aa cc", "aa dd"]);
        Assert.Equal(["bb", "cc", "dd"], vectorizer.FeatureNames);
    }

    [Fact]
    public void Numpy_argsort_returns_a_permutation_in_ascending_order()
    {
        var random = new Random(5);
        long[] values = Enumerable.Range(0, 500).Select(_ => (long)random.Next(20)).ToArray();
        int[] order = NumpyArgsort.Argsort(values);
        Assert.Equal(values.Order(), order.Select(i => values[i]));
        Assert.Equal(Enumerable.Range(0, 500), order.Order());
    }

    [Fact]
    public void Numpy_argsort_reproduces_introsort_tie_order()
    {
        // Hand trace of numpy's aquicksort on 17 equal keys: one median-of-3 partition (pivot index 8, crossing
        // swaps 1↔14 … 7↔8, pivot restored at 8), then insertion sort of both halves, which moves nothing.
        int[] expected = [0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16];
        Assert.Equal(expected, NumpyArgsort.Argsort(new long[17]));
        // 16 elements never partition: insertion sort is stable.
        Assert.Equal(Enumerable.Range(0, 16), NumpyArgsort.Argsort(new long[16]));
    }
}
