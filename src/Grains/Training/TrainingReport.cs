using System.Text.Json;
using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>
/// The diagnostics of a finished run (the document and the summary that travels in the status). The pictures are
/// <see cref="TrainingPictures"/>, rendered after the latents are published so the experiment need not wait for them.
/// </summary>
internal sealed record TrainingReport(byte[] DiagnosticsJson, LatentDiagnostics Summary)
{
    /// <summary>Computes diagnostics on the raw rows. CPU-bound torch work: call it on the training thread.</summary>
    public static TrainingReport Diagnose(string runId, VaeOptions options, VaeTrainingResult result, float[] rows, int resumedFromEpoch)
    {
        using var model = VaeModelFile.Load(result.ModelBytes);
        var diagnostics = VaeDiagnostics.Compute(model, rows);
        var document = DiagnosticsDocument.From(runId, options, result, diagnostics, resumedFromEpoch);
        return new TrainingReport(
            JsonSerializer.SerializeToUtf8Bytes(document, ResultsJson.Options),
            new LatentDiagnostics(document.ActiveUnits, [.. document.KlPerDimension], document.TotalCorrelation, document.ReconstructionError));
    }
}
