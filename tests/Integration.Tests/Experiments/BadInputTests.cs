using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Client.Output;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Integration.Tests.Experiments;

[Collection(ClusterCollection.Name)]
public sealed class BadInputTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-bad-").FullName;

    [Fact]
    public async Task Broken_tracks_fail_alone_with_reasons_and_the_experiment_goes_on()
    {
        var corpus = SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 3, PerGenre: 4, Seconds: 2, Seed: 5), _corpus);
        File.WriteAllText(Path.Combine(_corpus, "rock.09000.wav"), "this is a text file, not audio");
        File.WriteAllBytes(Path.Combine(_corpus, "rock.09001.wav"), []);
        var header = File.ReadAllBytes(corpus.Tracks[0].WavPath)[..20];
        File.WriteAllBytes(Path.Combine(_corpus, "rock.09002.wav"), header);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("bad-input", DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);

        var spec = new ExperimentSpec("bad-input", "bad-input", Representations: [new(RepresentationModels.None)], K: 3, Tsne: false);
        var results = await ExperimentRunner.RunAsync(fixture, "bad-input-run", spec);

        Assert.Equal(12, results.Tracks);
        var failed = results.Failed.ToDictionary(f => f.Track, f => f.Reason);
        Assert.Equal(3, failed.Count);
        Assert.Equal(AudioFailureReasons.UnsupportedFormat, failed["rock.09000"]);
        Assert.Equal(AudioFailureReasons.EmptyData, failed["rock.09001"]);
        Assert.Equal(AudioFailureReasons.TruncatedHeader, failed["rock.09002"]);
        Assert.All(results.Failed, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
        Assert.DoesNotContain(results.Clustering.Assignments.Keys, k => failed.ContainsKey(k));
    }

    [Fact]
    public async Task Too_many_failures_fail_the_experiment_with_a_summary()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 2, Seconds: 2, Seed: 6), _corpus);
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllBytes(Path.Combine(_corpus, $"junk.0000{i}.wav"), []);
        }

        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("mostly-bad", DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);
        var experiment = fixture.Client.GetGrain<IExperimentGrain>("mostly-bad-run");
        await experiment.StartAsync(new ExperimentSpec("mostly-bad", "mostly-bad", Representations: [new(RepresentationModels.None)], K: 2, Tsne: false, MaxFailedFraction: 0.25));
        var status = await ExperimentRunner.WaitAsync(experiment);
        Assert.Equal(ExperimentStage.Failed, status.Stage);
        Assert.Contains("3 of 7 tracks failed (empty_data × 3)", status.Error);
    }

    [Fact]
    public async Task A_lyrics_csv_with_duplicate_ids_is_rejected_before_anything_is_uploaded()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 1, Seconds: 1, Seed: 99), _corpus);
        var lyrics = Path.Combine(_corpus, "bad-lyrics.csv");
        File.WriteAllText(lyrics, "track,lyrics\nblues.00000,one\nblues.00000,two\n");
        var tracks = DatasetScanner.Scan(_corpus).Tracks;
        var error = await Assert.ThrowsAsync<FormatException>(() =>
            new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("bad-lyrics", tracks, lyrics, null, CancellationToken.None));
        Assert.Contains("duplicate", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.False(await fixture.Store.ExistsAsync(BlobContainers.Datasets, BlobNames.Manifest("bad-lyrics")));
        Assert.Null(await fixture.Client.GetGrain<IDatasetGrain>("bad-lyrics").GetSummaryAsync());
    }

    [Fact]
    public async Task Concurrent_ingests_into_one_dataset_merge_instead_of_overwriting()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 4, PerGenre: 4, Seconds: 1, Seed: 12), _corpus);
        var tracks = DatasetScanner.Scan(_corpus).Tracks;
        var ingestor = new DatasetIngestor(fixture.Store, fixture.Client);
        var halves = tracks.Chunk(tracks.Count / 4).ToList();
        await Task.WhenAll(halves.Select(part => ingestor.IngestAsync("concurrent", part, null, null, CancellationToken.None)));

        var manifest = await fixture.Store.ReadJsonAsync<DatasetManifest>(BlobContainers.Datasets, BlobNames.Manifest("concurrent"));
        Assert.Equal(tracks.Select(t => t.TrackId).Order(StringComparer.Ordinal), manifest.Tracks.Select(t => t.Id));
        Assert.Equal(16, (await fixture.Client.GetGrain<IDatasetGrain>("concurrent").GetSummaryAsync())!.Tracks);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
