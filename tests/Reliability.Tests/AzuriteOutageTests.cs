using System.Diagnostics;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Reliability.Tests.Infrastructure;
using MusicClustering.Storage;

namespace MusicClustering.Reliability.Tests;

/// <summary>
/// Fault row 3: blob storage (Azurite) goes away for 10 s in the middle of a run, then comes back on the same port
/// with the same data folder. Storage calls ride it out with Polly's backoff and the run completes; every blob it
/// wrote reads back whole.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class AzuriteOutageTests(ITestOutputHelper output)
{
    private const int Tracks = 96;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_ten_second_storage_outage_mid_extraction_is_ridden_out_and_every_blob_reads_back_whole()
    {
        await using var cluster = await ReliabilityCluster.StartAsync(output, silos: 2);
        Assert.Equal(Tracks, await TestCorpus.IngestAsync(cluster, "outage", new SyntheticCorpusOptions(Genres: 4, PerGenre: Tracks / 4, Seconds: 8, Seed: 21)));

        const string id = "outage-run";
        await cluster.Client.GetGrain<IExperimentGrain>(id).StartAsync(
            new ExperimentSpec("outage", "outage", Representations: [new(RepresentationModels.None)], K: 4, Tsne: false));
        var before = await ExperimentWatch.UntilAsync(
            () => cluster.Client, id, s => s.Stage == ExperimentStage.Extracting && s.Done >= 8, TimeSpan.FromSeconds(60), "extraction progress");

        var down = Stopwatch.StartNew();
        await cluster.StopAzuriteAsync();
        await Task.Delay(Outage);
        // Status polls go to the experiment grain's memory, not storage: the run must still be going, not failed.
        var during = await ExperimentWatch.UntilAsync(() => cluster.Client, id, _ => true, TimeSpan.FromSeconds(30), "status during the outage");
        Assert.True(!during.IsFinished, $"the run should be waiting on storage during the outage, got {ExperimentWatch.Describe(during)}");
        await cluster.StartAzuriteAsync();
        output.WriteLine($"storage down {down.Elapsed.TotalSeconds:F1} s, from {before.Done}/{before.Total}; during: {ExperimentWatch.Describe(during)}");

        var status = await ExperimentWatch.FinishedAsync(() => cluster.Client, id, TimeSpan.FromMinutes(3));
        var results = await ResultsChecks.ReadAsync(cluster.Store, status);
        ResultsChecks.EveryTrackExactlyOnce(results, await ResultsChecks.ManifestIdsAsync(cluster.Store, "outage"));
        Assert.True(results.Failed.Count == 0, $"no track should fail because storage was down: {string.Join("; ", results.Failed.Select(f => $"{f.Track}: {f.Message}"))}");

        var retries = cluster.Silos.Sum(s => s.StorageRetries);
        output.WriteLine($"storage retries logged by the silos: {string.Join(", ", cluster.Silos.Select(s => $"{s.Name}={s.StorageRetries}"))}");
        Assert.True(retries > 0, "the silos should have retried storage calls during the outage (StorageResilience logs each retry)");

        var features = await BlobIntegrity.AssertFeatureBlobsDecodeAsync(cluster.Store, results.Features.Dimension);
        Assert.True(features == Tracks, $"{features} feature blobs, expected one per track ({Tracks})");
        var matrix = await BlobIntegrity.ReadMatrixAsync(cluster.Store, BlobContainers.Experiments, BlobNames.Experiment(id, "matrix.f32"));
        Assert.True(matrix.Rows == Tracks && matrix.Cols == results.Features.Dimension,
            $"experiment matrix is {matrix.Rows}x{matrix.Cols}, expected {Tracks}x{results.Features.Dimension}");
    }
}
