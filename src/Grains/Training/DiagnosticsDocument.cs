using System.Text.Json.Serialization;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>
/// <c>models/{runId}/diagnostics.json</c>: the latent-space diagnostics of a finished run and its per-epoch history.
/// Field names are read by reports and scripts. Non-finite values (a singular covariance's TC) are written as null.
/// </summary>
public sealed record DiagnosticsDocument(
    string RunId,
    string Device,
    int Epochs,
    int ResumedFromEpoch,
    double Beta,
    int KlWarmupEpochs,
    int LatentDim,
    IReadOnlyList<double> KlPerDimension,
    IReadOnlyList<double> LatentMeanVariance,
    IReadOnlyList<int> ActiveDimensions,
    int ActiveUnits,
    double? TotalKl,
    double? TotalCorrelation,
    double? ReconstructionError,
    IReadOnlyList<DiagnosticsDocument.Epoch> History)
{
    public static DiagnosticsDocument From(
        string runId, VaeOptions options, VaeTrainingResult result, VaeDiagnosticsReport report, int resumedFromEpoch) =>
        new(
            runId,
            result.Device,
            result.History.Count,
            resumedFromEpoch,
            options.Beta,
            options.KlWarmupEpochs,
            options.LatentDim,
            report.KlPerDimension,
            report.LatentMeanVariance,
            report.ActiveDimensions,
            report.ActiveUnits,
            Finite(report.TotalKl),
            Finite(report.TotalCorrelation),
            Finite(report.ReconstructionError),
            result.History
                .Select(h => new Epoch(h.Epoch, h.Loss, h.Reconstruction, h.Kl, options.BetaAt(h.Epoch - 1), h.ValidationLoss, h.Seconds))
                .ToList());

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <summary>One epoch; <see cref="Beta"/> is the KL weight it trained with (rising during warm-up).</summary>
    public sealed record Epoch(
        [property: JsonPropertyName("epoch")] int Number,
        double Loss,
        double Reconstruction,
        double Kl,
        double Beta,
        double? ValidationLoss,
        double Seconds);
}
