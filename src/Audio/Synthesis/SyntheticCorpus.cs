using System.Globalization;
using System.Text;

namespace MusicClustering.Audio;

/// <summary>
/// Deterministic synthetic music corpus: genres differ in tempo, drum pattern, timbre, harmony and lyric
/// vocabulary, with per-track random variation. Same options ⇒ byte-identical files.
/// </summary>
public static class SyntheticCorpus
{
    /// <summary>Genre names in the order they are used (the first <see cref="SyntheticCorpusOptions.Genres"/>).</summary>
    public static IReadOnlyList<string> GenreNames { get; } = GenreProfile.All.Select(g => g.Name).ToArray();

    /// <summary>Writes &lt;genre&gt;.&lt;nnnnn&gt;.wav (16-bit mono) and lyrics.csv (track,lyrics) into <paramref name="outDir"/>.</summary>
    public static SyntheticCorpusResult Generate(SyntheticCorpusOptions options, string outDir)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Genres is < 1 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Genres must be 1–10, got {options.Genres}.");
        }

        if (options.PerGenre < 1 || options.Seconds <= 0 || options.SampleRate < 8000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PerGenre must be ≥ 1, Seconds > 0 and SampleRate ≥ 8000.");
        }

        Directory.CreateDirectory(outDir);
        var tracks = new SyntheticTrack[options.Genres * options.PerGenre];
        Parallel.For(0, tracks.Length, index =>
        {
            var genreIndex = index / options.PerGenre;
            var number = index % options.PerGenre;
            var genre = GenreProfile.All[genreIndex];
            var random = new DeterministicRandom(DeterministicRandom.Mix(options.Seed, genreIndex, number));
            var audio = new TrackSynthesizer(genre, random, options.SampleRate).Render(options.Seconds);
            var name = string.Create(CultureInfo.InvariantCulture, $"{genre.Name}.{number:D5}");
            var path = Path.Combine(outDir, name + ".wav");
            using (var file = File.Create(path))
            {
                WavWriter.WritePcm16(file, audio, options.SampleRate);
            }

            tracks[index] = new SyntheticTrack(name, genre.Name, path, Lyrics(genre, random));
        });

        var lyricsPath = Path.Combine(outDir, "lyrics.csv");
        var csv = new StringBuilder("track,lyrics\n");
        foreach (var t in tracks)
        {
            csv.Append(CsvField(t.Track)).Append(',').Append(CsvField(t.Lyrics)).Append('\n');
        }

        File.WriteAllText(lyricsPath, csv.ToString(), new UTF8Encoding(false));
        return new SyntheticCorpusResult(outDir, lyricsPath, tracks);
    }

    /// <summary>RFC 4180 quoting: fields holding a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    // Lines of 4–7 words, mostly from the genre's vocabulary; lines are joined with ", " and one may be quoted.
    private static string Lyrics(GenreProfile genre, DeterministicRandom random)
    {
        var lines = new List<string>();
        var lineCount = 4 + random.Next(4);
        for (var l = 0; l < lineCount; l++)
        {
            var words = new List<string>();
            var wordCount = 4 + random.Next(4);
            for (var w = 0; w < wordCount; w++)
            {
                var vocabulary = random.NextDouble() < 0.75 ? genre.Vocabulary : GenreProfile.SharedWords;
                words.Add(vocabulary[random.Next(vocabulary.Length)]);
            }

            var line = string.Join(' ', words);
            lines.Add(random.NextDouble() < 0.1 ? $"\"{line}\"" : line);
        }

        return string.Join(", ", lines);
    }
}
