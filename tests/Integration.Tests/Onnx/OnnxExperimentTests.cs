using System.Security.Cryptography;
using MusicClustering.Audio;
using MusicClustering.Client.Ingest;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;
using MusicClustering.TestSupport;

namespace MusicClustering.Integration.Tests.Onnx;

/// <summary>
/// Representation <c>onnx</c> end to end on the two-silo cluster: the track grains embed with an uploaded model whose
/// embedding is a known function of the input (the mean log-mel of each band), and the analysis clusters it.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OnnxExperimentTests(ClusterFixture fixture) : IDisposable
{
    private const int Mels = 8;
    private readonly string _corpus = Directory.CreateTempSubdirectory("mc-onnx-").FullName;

    private static OnnxSpec Options(string sha) => new(
        "band-means.onnx", sha, Input: "log-mel", Layout: "batch-channel-mels-frames", SampleRate: 22050, WindowLength: 1024,
        HopLength: 256, Mels: Mels, PatchLength: 20, BatchSize: 4);

    [Fact]
    public async Task Track_grains_on_both_silos_embed_with_the_uploaded_model_and_the_embeddings_are_clustered_with_baselines()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 3, PerGenre: 4, Seconds: 2, Seed: 5), _corpus);
        var tracks = DatasetScanner.Scan(_corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("onnx-e2e", tracks, null, null, CancellationToken.None);
        var identity = new float[Mels * Mels];
        for (var m = 0; m < Mels; m++)
        {
            identity[(m * Mels) + m] = 1;
        }

        var sha = await UploadAsync(TinyOnnxModels.MeanOverFramesThenLinear(Mels, identity, new float[Mels]));
        var spec = new ExperimentSpec(
            "onnx-e2e", "onnx-e2e", Representations: [new RepresentationSpec(RepresentationModels.Onnx, Onnx: Options(sha))], K: 3, Tsne: false);

        var results = await ExperimentRunner.RunAsync(fixture, "onnx-e2e-run", spec);

        Assert.Equal(12, results.Tracks);
        Assert.Empty(results.Failed);
        Assert.Equal(ClusterFixture.Silos, results.SilosUsed.Count);
        Assert.Equal(["onnx", "raw", "pca16"], results.Rows.Select(r => r.Representation).ToArray());
        Assert.Equal(12, results.Clustering.Assignments.Count);

        // Each track's cached embedding is the mean over its whole 20-frame patches of each band's log-mel, by hand.
        var hash = OnnxSpecOptions.OptionsHash(Options(sha));
        var mfcc = new MfccExtractor(new MfccOptions { SampleRate = 22050, NFft = 1024, HopLength = 256, NMels = Mels, NMfcc = 1, TopDb = 80 });
        foreach (var track in tracks.Tracks)
        {
            var audioSha = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(track.Path)));
            var stored = await fixture.Store.ReadJsonAsync<float[]>(BlobContainers.Features, BlobNames.OnnxEmbedding(sha, hash, audioSha));
            var logMel = mfcc.ComputeLogMel(AudioLoader.LoadMonoFile(track.Path, 22050, minSamples: 1));
            var starts = Enumerable.Range(0, logMel.Frames).Where(s => s % 20 == 0 && s + 20 <= logMel.Frames).ToList();
            Assert.NotEmpty(starts);
            for (var m = 0; m < Mels; m++)
            {
                var expected = starts.Average(s => Enumerable.Range(s, 20).Average(f => (double)logMel[m, f]));
                Assert.InRange(stored[m], expected - 1e-3, expected + 1e-3);
            }
        }
    }

    [Fact]
    public async Task A_model_the_silos_cannot_run_fails_each_track_with_the_reason()
    {
        SyntheticCorpus.Generate(new SyntheticCorpusOptions(Genres: 2, PerGenre: 2, Seconds: 1, Seed: 6), _corpus);
        await new DatasetIngestor(fixture.Store, fixture.Client).IngestAsync("onnx-bad", DatasetScanner.Scan(_corpus), null, null, CancellationToken.None);
        var sha = await UploadAsync("not an onnx model"u8.ToArray());
        var spec = new ExperimentSpec(
            "onnx-bad", "onnx-bad", Representations: [new RepresentationSpec(RepresentationModels.Onnx, Onnx: Options(sha))], K: 2, Tsne: false);

        var experiment = fixture.Client.GetGrain<IExperimentGrain>("onnx-bad-run");
        await experiment.StartAsync(spec);
        var status = await ExperimentRunner.WaitAsync(experiment);

        Assert.Equal(ExperimentStage.Failed, status.Stage);
        Assert.Contains("onnx_failed", status.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_corpus, recursive: true);

    private async Task<string> UploadAsync(byte[] model)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(model));
        await fixture.Store.UploadIfAbsentAsync(BlobContainers.Models, BlobNames.OnnxModel(sha), BinaryData.FromBytes(model));
        return sha;
    }
}
