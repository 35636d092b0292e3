namespace MusicClustering.Audio.Tests;

/// <summary>The synthetic corpus is deterministic, well-formed, and its genres are separable by MFCC statistics.</summary>
public sealed class SyntheticCorpusTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "mc-audio-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void Same_options_give_byte_identical_files()
    {
        var options = new SyntheticCorpusOptions(Genres: 3, PerGenre: 2, Seconds: 1.5);
        var a = SyntheticCorpus.Generate(options, Path.Combine(_root, "a"));
        var b = SyntheticCorpus.Generate(options, Path.Combine(_root, "b"));
        var c = SyntheticCorpus.Generate(options with { Seed = 7 }, Path.Combine(_root, "c"));

        Assert.Equal(6, a.Tracks.Count);
        foreach (var name in a.Tracks.Select(t => Path.GetFileName(t.WavPath)).Append("lyrics.csv"))
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.OutputDirectory, name)), File.ReadAllBytes(Path.Combine(b.OutputDirectory, name)));
        }

        Assert.NotEqual(File.ReadAllBytes(a.Tracks[0].WavPath), File.ReadAllBytes(c.Tracks[0].WavPath));
    }

    [Fact]
    public void Writes_named_pcm16_clips_and_quoted_lyrics_csv()
    {
        var result = SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 10, PerGenre: 2, Seconds: 1), _root);

        Assert.Equal(SyntheticCorpus.GenreNames, result.Genres);
        Assert.Equal("blues.00000", result.Tracks[0].Track);
        Assert.Equal("rock.00001", result.Tracks[^1].Track);
        var decoded = AudioDecoder.Decode(File.ReadAllBytes(result.Tracks[3].WavPath), "x.wav");
        Assert.Equal((22050, 1, 22050), (decoded.SampleRate, decoded.Channels, decoded.Frames));
        Assert.True(decoded.Samples.Max(Math.Abs) is > 0.5f and <= 0.91f);

        var rows = ParseCsv(File.ReadAllText(result.LyricsPath));
        Assert.Equal(new[] { "track", "lyrics" }, rows[0]);
        Assert.Equal(result.Tracks.Select(t => new[] { t.Track, t.Lyrics }), rows.Skip(1));
        Assert.Contains(result.Tracks, t => t.Lyrics.Contains(','));
    }

    [Fact]
    public void Four_genres_cluster_by_mfcc_statistics() => AssertSeparable(genres: 4, perGenre: 10, seconds: 5, minNmi: 0.6);

    [Fact]
    public void Ten_genres_cluster_by_mfcc_statistics() => AssertSeparable(genres: 10, perGenre: 6, seconds: 3, minNmi: 0.6);

    private void AssertSeparable(int genres, int perGenre, double seconds, double minNmi)
    {
        var result = SyntheticCorpus.Generate(new SyntheticCorpusOptions(genres, perGenre, seconds), _root);
        var extractor = new MfccExtractor(new MfccOptions());
        var vectors = result.Tracks
            .Select(t => TrackVectorizer.Vectorize(extractor.Compute(AudioLoader.LoadMono(File.ReadAllBytes(t.WavPath), t.WavPath)), FeatureConfig.Parse("stats")))
            .Select(v => v.Select(x => (double)x).ToArray())
            .ToArray();
        var standardized = Standardize(vectors);
        var labels = result.Tracks.Select(t => SyntheticCorpus.GenreNames.ToList().IndexOf(t.Genre)).ToArray();

        double within = 0, between = 0;
        int nWithin = 0, nBetween = 0;
        for (var i = 0; i < standardized.Length; i++)
        {
            for (var j = i + 1; j < standardized.Length; j++)
            {
                var d = Math.Sqrt(KMeansCheck.Distance2(standardized[i], standardized[j]));
                if (labels[i] == labels[j])
                {
                    within += d;
                    nWithin++;
                }
                else
                {
                    between += d;
                    nBetween++;
                }
            }
        }

        var ratio = within / nWithin / (between / nBetween);
        var nmi = KMeansCheck.Nmi(labels, KMeansCheck.Cluster(standardized, genres));
        output.WriteLine($"{genres} genres × {perGenre}: within/between distance ratio {ratio:F3}, K-Means NMI {nmi:F3}");
        Assert.True(ratio < 0.6, $"within/between distance ratio {ratio:F3} ≥ 0.6");
        Assert.True(nmi > minNmi, $"NMI {nmi:F3} ≤ {minNmi}");
    }

    private static double[][] Standardize(double[][] x)
    {
        var dims = x[0].Length;
        var result = x.Select(r => (double[])r.Clone()).ToArray();
        for (var d = 0; d < dims; d++)
        {
            var mean = x.Average(r => r[d]);
            var std = Math.Sqrt(x.Average(r => (r[d] - mean) * (r[d] - mean)));
            foreach (var r in result)
            {
                r[d] = std > 0 ? (r[d] - mean) / std : 0;
            }
        }

        return result;
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }

        return rows;
    }
}
