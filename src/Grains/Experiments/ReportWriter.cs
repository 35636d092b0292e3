using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Writes an experiment's outputs under <c>experiments/{id}/</c>: the pictures, <c>report.html</c> and, last,
/// <c>results.json</c>, whose presence marks the run complete.
/// </summary>
internal sealed class ReportWriter(ArtifactStore store, string experimentId)
{
    public const string ResultsFile = "results.json";
    public const string ReportFile = "report.html";

    public BlobRef ResultsBlob => Blob(ResultsFile);

    public IReadOnlyList<string> ArtifactNames(AnalysisOutput analysis) =>
        [ResultsFile, ReportFile, .. analysis.Images.Keys.Order(StringComparer.Ordinal)];

    public async Task WriteAsync(ExperimentResults results, AnalysisOutput analysis)
    {
        foreach (var (name, png) in analysis.Images)
        {
            await UploadAsync(name, BinaryData.FromBytes(png));
        }

        await UploadAsync(ReportFile, BinaryData.FromString(ExperimentReport.Render(results)));
        await UploadAsync(ResultsFile, BinaryData.FromString(ResultsJson.Serialize(results)));
    }

    private Task UploadAsync(string name, BinaryData content)
    {
        var blob = Blob(name);
        return store.UploadAsync(blob.Container, blob.Name, content, overwrite: true, CancellationToken.None);
    }

    private BlobRef Blob(string name) => new(BlobContainers.Experiments, BlobNames.Experiment(experimentId, name));
}
