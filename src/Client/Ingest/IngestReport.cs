namespace MusicClustering.Client.Ingest;

public sealed record IngestReport(string Dataset, int Tracks, int Labelled, int Uploaded, int AlreadyStored, long Bytes, double Seconds)
{
    /// <summary>The rule labels came from (<c>--labels</c>): folder, prefix, tag:genre, none or folder-or-prefix.</summary>
    public string Labels { get; init; } = LabelRule.FolderOrPrefix;

    /// <summary>This ingest's files new to the dataset (by path).</summary>
    public int Added { get; init; }

    /// <summary>This ingest's files already in the dataset whose content (hash) changed.</summary>
    public int Changed { get; init; }

    /// <summary>This ingest's files already in the dataset with the same content.</summary>
    public int Unchanged { get; init; }

    /// <summary>The dataset's tracks whose files are not in the folder, kept (without <c>--prune</c>).</summary>
    public int Missing { get; init; }

    /// <summary>The dataset's tracks whose files are not in the folder, removed (<c>--prune</c>).</summary>
    public int Pruned { get; init; }

    /// <summary>The paths of the missing or pruned tracks.</summary>
    public IReadOnlyList<string> Gone { get; init; } = [];

    /// <summary>Tracks recorded in place under a library root (<c>--in-place</c>): hashed, not uploaded.</summary>
    public int InPlace { get; init; }

    /// <summary>Tracks in the dataset after this ingest, earlier ingests included.</summary>
    public int DatasetTracks { get; init; }

    /// <summary>The dataset's version after this ingest (a hash of its manifest's content).</summary>
    public string DatasetVersion { get; init; } = "";

    /// <summary>How many of this ingest's tracks have a row in the lyrics CSV, when one was given.</summary>
    public int? LyricsMatched { get; init; }

    /// <summary>Lyric rows that matched no track (or several), with the reason.</summary>
    public IReadOnlyList<LyricsMatcher.UnmatchedRow> LyricsUnmatched { get; init; } = [];

    /// <summary>This ingest's tracks (by path) that no lyric row matched, when a lyrics CSV was given.</summary>
    public IReadOnlyList<string> TracksWithoutLyrics { get; init; } = [];

    /// <summary>Files of the folder that were not ingested, with the reason.</summary>
    public IReadOnlyList<SkippedFile> Skipped { get; init; } = [];

    /// <summary>Every track of this ingest: its path and the id it was given.</summary>
    public IReadOnlyList<IdAssignment> Ids { get; init; } = [];

    /// <summary>Tracks whose id needed a content hash to stay unique, by path.</summary>
    public IReadOnlyList<IdAssignment> Disambiguated { get; init; } = [];

    public double MegabytesPerSecond => Seconds > 0 ? Bytes / 1e6 / Seconds : 0;

    public sealed record IdAssignment(string Path, string Id);
}
