using System.Text.Json.Serialization;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>
/// <c>models/{runId}/diagnostics.json</c>: the latent-space diagnostics of a finished run and its per-epoch history.
/// Field names are read by reports and scripts. Non-finite values (a singular covariance's TC) are written as null.
/// </summary>
public sealed record DiagnosticsDocument(
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("epochs")] int Epochs,
    [property: JsonPropertyName("resumed_from_epoch")] int ResumedFromEpoch,
    [property: JsonPropertyName("beta")] double Beta,
    [property: JsonPropertyName("kl_warmup_epochs")] int KlWarmupEpochs,
    [property: JsonPropertyName("latent_dim")] int LatentDim,
    [property: JsonPropertyName("kl_per_dimension")] IReadOnlyList<double> KlPerDimension,
    [property: JsonPropertyName("latent_mean_variance")] IReadOnlyList<double> LatentMeanVariance,
    [property: JsonPropertyName("active_dimensions")] IReadOnlyList<int> ActiveDimensions,
    [property: JsonPropertyName("active_units")] int ActiveUnits,
    [property: JsonPropertyName("total_kl")] double? TotalKl,
    [property: JsonPropertyName("total_correlation")] double? TotalCorrelation,
    [property: JsonPropertyName("reconstruction_error")] double? ReconstructionError,
    [property: JsonPropertyName("history")] IReadOnlyList<DiagnosticsDocument.Epoch> History)
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
        [property: JsonPropertyName("loss")] double Loss,
        [property: JsonPropertyName("reconstruction")] double Reconstruction,
        [property: JsonPropertyName("kl")] double Kl,
        [property: JsonPropertyName("beta")] double Beta,
        [property: JsonPropertyName("validation_loss")] double? ValidationLoss,
        [property: JsonPropertyName("seconds")] double Seconds);
}
