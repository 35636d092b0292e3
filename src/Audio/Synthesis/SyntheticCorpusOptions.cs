namespace MusicClustering.Audio;

/// <summary>Size and seed of a <see cref="SyntheticCorpus"/> (1–10 genres).</summary>
public sealed record SyntheticCorpusOptions(int Genres = 4, int PerGenre = 10, double Seconds = 5, int Seed = 42, int SampleRate = 22050);

/// <summary>One generated clip.</summary>
/// <param name="Track">File name without extension, e.g. blues.00000 (the lyrics.csv key).</param>
public sealed record SyntheticTrack(string Track, string Genre, string WavPath, string Lyrics);

/// <summary>What <see cref="SyntheticCorpus.Generate"/> wrote.</summary>
public sealed record SyntheticCorpusResult(string OutputDirectory, string LyricsPath, IReadOnlyList<SyntheticTrack> Tracks)
{
    public IReadOnlyList<string> Genres => Tracks.Select(t => t.Genre).Distinct().ToArray();
}
