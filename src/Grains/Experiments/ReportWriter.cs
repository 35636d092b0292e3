using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Writes an experiment's outputs into its folder (<see cref="ExperimentBlobs"/>): its own t-SNE plots,
/// <c>report.html</c> and, last, <c>results.json</c>, whose presence marks the run complete. Trainers write their
/// pictures into the folder themselves, so it stands alone.
/// </summary>
internal sealed class ReportWriter(ArtifactStore store, ExperimentBlobs blobs)
{
    public static IReadOnlyList<string> ArtifactNames(AnalysisOutput analysis) =>
    [
        ExperimentBlobs.ResultsFile,
        ExperimentBlobs.ReportFile,
        .. analysis.Images.Keys.Order(StringComparer.Ordinal),
        .. analysis.Representations
            .Where(r => r.Training?.LossCurve is not null)
            .SelectMany(r => new[] { ExperimentBlobs.LossCurveFile(r.Plan), ExperimentBlobs.TraversalFile(r.Plan) }),
    ];

    public async Task WriteAsync(ExperimentResults results, AnalysisOutput analysis, CancellationToken cancellationToken)
    {
        foreach (var (name, png) in analysis.Images)
        {
            await store.UploadAsync(blobs.File(name), BinaryData.FromBytes(png), overwrite: true, cancellationToken);
        }

        await store.UploadAsync(blobs.Report, BinaryData.FromString(ExperimentReport.Render(results)), overwrite: true, cancellationToken);
        await store.UploadAsync(blobs.Results, BinaryData.FromString(ResultsJson.Serialize(results)), overwrite: true, cancellationToken);
    }
}
