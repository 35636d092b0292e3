using System.Text.Json;
using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>
/// The rendered outputs of a finished run besides the model: loss curve, diagnostics (the document and the summary
/// that travels in the status) and latent traversal.
/// </summary>
internal sealed record TrainingReport(byte[] LossCurvePng, byte[] DiagnosticsJson, LatentDiagnostics Summary, byte[] TraversalPng)
{
    /// <summary>Computes diagnostics on the raw rows and renders the plots. CPU-bound torch work: call it on the training thread.</summary>
    public static TrainingReport Render(string runId, VaeOptions options, VaeTrainingResult result, float[] rows, int resumedFromEpoch)
    {
        using var model = VaeModelFile.Load(result.ModelBytes);
        var diagnostics = VaeDiagnostics.Compute(model, rows);
        var document = DiagnosticsDocument.From(runId, options, result, diagnostics, resumedFromEpoch);
        return new TrainingReport(
            LossCurvePlot.RenderPng(result.History),
            JsonSerializer.SerializeToUtf8Bytes(document, ResultsJson.Options),
            new LatentDiagnostics(document.ActiveUnits, [.. document.KlPerDimension], document.TotalCorrelation, document.ReconstructionError),
            LatentTraversalPlot.RenderPng(LatentTraversal.Compute(model)));
    }
}
