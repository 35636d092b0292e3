using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Integration.Tests.Patches;

/// <summary>A track whose log-mel cannot be computed fails alone in a conv-vae experiment; the others are trained on and clustered.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LogMelFailureTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-logmel-bad-").FullName;

    [Fact]
    public async Task A_track_whose_audio_went_corrupt_after_its_features_were_cached_fails_alone_with_the_reason()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 3, Seconds: 3, Seed: 37), _corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("logmel-bad", DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);

        // A first experiment caches every track's features; then one clip's stored audio is overwritten with junk, so
        // the features of the next experiment come from the cache and only its log-mel reads (and fails on) the audio.
        var features = new ExperimentSpec("logmel-bad-features", "logmel-bad", "stats", [new RepresentationSpec(RepresentationModels.None)], K: 2, Tsne: false);
        Assert.Empty((await ExperimentRunner.RunAsync(fixture, $"logmel-bad-f-{Guid.NewGuid():N}"[..24], features)).Failed);
        var manifest = await fixture.Store.ReadJsonAsync<DatasetManifest>(
            (await fixture.Client.GetGrain<IDatasetGrain>("logmel-bad").GetSummaryAsync())!.Manifest);
        var corrupt = manifest.Tracks[1];
        await fixture.Store.UploadAsync(corrupt.Audio!, BinaryData.FromString("this is a text file, not audio"), overwrite: true);

        var spec = new ExperimentSpec(
            "logmel-bad", "logmel-bad", "stats", [new RepresentationSpec(PatchRepresentationModels.ConvVae)],
            K: 2, Seeds: [0], Training: new TrainingSpec(Epochs: 1), Tsne: false, MaxFailedFraction: 0.5);
        var results = await ExperimentRunner.RunAsync(fixture, $"logmel-bad-{Guid.NewGuid():N}"[..22], spec);

        var failed = Assert.Single(results.Failed);
        Assert.Equal(corrupt.Id, failed.Track);
        Assert.Equal(AudioFailureReasons.UnsupportedFormat, failed.Reason);
        Assert.StartsWith("log-mel: ", failed.Message, StringComparison.Ordinal);
        Assert.Equal(5, results.Tracks);
        Assert.Equal(5, results.Clustering.Assignments.Count);
        Assert.DoesNotContain(corrupt.Id, results.Clustering.Assignments.Keys);
        Assert.Equal(["conv-vae", "raw", "pca16"], results.Rows.Select(r => r.Representation).ToArray());
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
