using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Features;

/// <summary>
/// A dataset ingested in place: the silos read the files under their library root, no audio blob is written, and a
/// track whose file went missing or whose path a link leads out of the root fails alone with its reason.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class InPlaceSourceTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _corpus = Path.Combine(ClusterHarness.LibraryFolder, $"in-place-{Guid.NewGuid():N}");
    private readonly string _outside = Directory.CreateTempSubdirectory("mc-outside-").FullName;

    [Fact]
    public async Task Tracks_are_read_in_place_without_audio_blobs_and_a_broken_track_fails_alone()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 6, Seconds: 2, Seed: 1809), _corpus);
        File.Delete(Path.Combine(_corpus, "lyrics.csv"));
        var prefix = Path.GetFileName(_corpus);
        var ingestor = new DatasetIngestor(fixture.Store, fixture.Client) { InPlace = new InPlaceTarget(ClusterHarness.LibraryRoot, prefix) };
        var report = await ingestor.IngestAsync("in-place", DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);
        Assert.Equal(12, report.InPlace);
        Assert.Equal(0, report.Uploaded);

        var manifest = await fixture.Store.ReadJsonAsync<DatasetManifest>(new BlobRef(BlobContainers.Datasets, BlobNames.Manifest("in-place")));
        Assert.All(manifest.Tracks, t =>
        {
            Assert.Null(t.Audio);
            Assert.Equal(new LibraryFile(ClusterHarness.LibraryRoot, $"{prefix}/{t.Path}"), t.InPlace);
        });
        foreach (var track in manifest.Tracks)
        {
            Assert.Empty(await fixture.Store.ListAsync(BlobContainers.Audio, track.Sha256).ToListAsync());
        }

        // After ingest: one file removed, one replaced by a link to a file outside the root.
        var clips = Directory.GetFiles(_corpus, "*.wav").Order(StringComparer.Ordinal).ToArray();
        File.Delete(clips[0]);
        var outsideFile = Path.Combine(_outside, "elsewhere.wav");
        File.Move(clips[1], outsideFile);
        File.CreateSymbolicLink(clips[1], outsideFile);

        var results = await ExperimentRunner.RunAsync(fixture, "in-place-run", new ExperimentSpec(
            "in-place", "in-place", K: 2, Seeds: [0], Representations: [new RepresentationSpec(RepresentationModels.None)], Baselines: false, Tsne: false));

        Assert.Equal(10, results.Tracks);
        Assert.Equal(10, results.Features.Computed);
        var failed = results.Failed.ToDictionary(f => f.DisplayName, StringComparer.Ordinal);
        Assert.Equal(2, failed.Count);
        Assert.Equal(LibraryPathException.Missing, failed[Path.GetFileName(clips[0])].Reason);
        Assert.Equal(LibraryPathException.Refused, failed[Path.GetFileName(clips[1])].Reason);
        Assert.Contains("symbolic link leads out of library root", failed[Path.GetFileName(clips[1])].Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_corpus, recursive: true);
        Directory.Delete(_outside, recursive: true);
    }
}
