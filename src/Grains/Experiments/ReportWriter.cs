using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Writes an experiment's outputs under <c>experiments/{id}/</c>: the pictures (its own t-SNE plots and copies of each
/// trainer's loss curve and latent traversal, so the folder stands alone), <c>report.html</c> and, last,
/// <c>results.json</c>, whose presence marks the run complete.
/// </summary>
internal sealed class ReportWriter(ArtifactStore store, string experimentId)
{
    public const string ResultsFile = "results.json";
    public const string ReportFile = "report.html";

    public BlobRef ResultsBlob => Blob(ResultsFile);

    public IReadOnlyList<string> ArtifactNames(AnalysisOutput analysis) =>
        [ResultsFile, ReportFile, .. analysis.Images.Keys.Order(StringComparer.Ordinal), .. TrainerPictures(analysis).Select(p => p.Name)];

    public async Task WriteAsync(ExperimentResults results, AnalysisOutput analysis)
    {
        foreach (var (name, png) in analysis.Images)
        {
            await UploadAsync(name, BinaryData.FromBytes(png));
        }

        foreach (var (name, source) in TrainerPictures(analysis))
        {
            var slash = source.IndexOf('/');
            await UploadAsync(name, await store.DownloadAsync(source[..slash], source[(slash + 1)..], CancellationToken.None));
        }

        await UploadAsync(ReportFile, BinaryData.FromString(ExperimentReport.Render(results)));
        await UploadAsync(ResultsFile, BinaryData.FromString(ResultsJson.Serialize(results)));
    }

    private static IEnumerable<(string Name, string Source)> TrainerPictures(AnalysisOutput analysis)
    {
        foreach (var representation in analysis.Representations)
        {
            foreach (var (kind, prefix) in new[] { (BuiltRepresentation.LossCurveBlob, "loss"), (BuiltRepresentation.TraversalBlob, "traversal") })
            {
                if (representation.Blobs.TryGetValue(kind, out var source))
                {
                    yield return ($"{prefix}_{representation.Plan.Key}.png", source);
                }
            }
        }
    }

    private Task UploadAsync(string name, BinaryData content)
    {
        var blob = Blob(name);
        return store.UploadAsync(blob.Container, blob.Name, content, overwrite: true, CancellationToken.None);
    }

    private BlobRef Blob(string name) => new(BlobContainers.Experiments, BlobNames.Experiment(experimentId, name));
}
