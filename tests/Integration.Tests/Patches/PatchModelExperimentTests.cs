using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Integration.Tests.Patches;

/// <summary>conv-vae and contrastive experiments on the two-silo cluster: log-mel on the track grains, training on trainer grains.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PatchModelExperimentTests(ClusterFixture fixture) : IDisposable
{
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-patches-").FullName;

    [Fact]
    public async Task Conv_vae_and_contrastive_experiment_clusters_the_track_embeddings_one_row_per_representation()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 4, Seconds: 4, Seed: 21), _corpus);
        var tracks = DatasetScanner.Scan(_corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("patches", tracks, null, null, CancellationToken.None);
        var spec = new ExperimentSpec(
            "patches", "patches", "stats",
            [new RepresentationSpec(PatchRepresentationModels.ConvVae, Beta: 2), new RepresentationSpec(PatchRepresentationModels.Contrastive)],
            K: 2, Seeds: [0], Training: new TrainingSpec(Epochs: 2), Tsne: false);

        var results = await ExperimentRunner.RunAsync(fixture, $"patches-{Guid.NewGuid():N}"[..20], spec);

        Assert.Equal(8, results.Tracks);
        Assert.Equal(["conv-vae(b=2)", "contrastive", "raw", "pca16"], results.Rows.Select(r => r.Representation).ToArray());
        Assert.All(results.Rows, r => Assert.InRange(r.Clusters, 1, 2));
        Assert.Equal(8, results.Clustering.Assignments.Count);
        Assert.Equal(PatchRepresentationModels.ConvVae, results.Model.Type);
        var learned = results.Representations.Where(r => !r.Baseline).ToList();
        Assert.Equal([PatchRepresentationModels.ConvVae, PatchRepresentationModels.Contrastive], learned.Select(r => r.Model));
        Assert.All(learned, r =>
        {
            Assert.True(r.FinalLoss is { } loss && double.IsFinite(loss), $"{r.Label} loss {r.FinalLoss}");
            Assert.Contains("latents", r.Blobs.Keys);
            Assert.Contains(BuiltRepresentation.LossCurveBlob, r.Blobs.Keys);
        });

        // Pooled embeddings (mean and std of 32-d patch embeddings) are what was clustered; conv-vae has diagnostics.
        Assert.Equal(64, results.Model.LatentDim);
        Assert.NotNull(learned[0].Diagnostics);
        Assert.Equal(32, learned[0].Diagnostics!.KlPerDimension.Length);
        Assert.Null(learned[1].Diagnostics);
        Assert.Contains(BuiltRepresentation.TraversalBlob, learned[0].Blobs.Keys);
        Assert.DoesNotContain(BuiltRepresentation.TraversalBlob, learned[1].Blobs.Keys);

        // Every track's log-mel is cached by audio hash, frame-major: frames × 128 bands.
        var manifest = await fixture.Store.ReadJsonAsync<DatasetManifest>(
            (await fixture.Client.GetGrain<IDatasetGrain>("patches").GetSummaryAsync())!.Manifest);
        foreach (var track in manifest.Tracks)
        {
            var cached = await LogMelBlobs.TryReadAsync(fixture.Store, track.Sha256, CancellationToken.None);
            Assert.NotNull(cached);
            var matrix = await fixture.Store.ReadMatrixAsync(cached!.LogMel);
            Assert.Equal((cached.Frames, TrackLogMel.Bands), (matrix.Rows, matrix.Cols));
            Assert.InRange(cached.Frames, 170, 175); // 4 s at 22.05 kHz, hop 512, centred
        }
    }

    [Fact]
    public async Task The_patches_section_reaches_the_trainer_latent_width_pooling_and_batch_shape()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 3, Seconds: 3, Seed: 23), _corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("patches-knobs", DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);
        var spec = new ExperimentSpec(
            "patches-knobs", "patches-knobs", "stats",
            [new RepresentationSpec(PatchRepresentationModels.ConvVae, Patches: new PatchSpec(LatentDim: 8, TracksPerBatch: 4, CropsPerTrack: 1, Pooling: "mean", Channels: [4, 8, 8, 8]))],
            K: 2, Seeds: [0], Training: new TrainingSpec(Epochs: 1), Tsne: false);

        var results = await ExperimentRunner.RunAsync(fixture, $"patches-knobs-{Guid.NewGuid():N}"[..24], spec);

        // Mean pooling of 8-d latent means: 8 values per track, and the diagnostics see 8 latent dimensions.
        Assert.Equal(8, results.Model.LatentDim);
        var learned = Assert.Single(results.Representations, r => !r.Baseline);
        Assert.Equal(8, learned.Diagnostics!.KlPerDimension.Length);
        Assert.Equal(8, results.Spec.EffectiveRepresentations[0].Patches!.LatentDim);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);
}
