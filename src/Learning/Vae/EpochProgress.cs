namespace MusicClustering.Learning;

/// <summary>One finished epoch. Losses are per row: reconstruction (summed squared error) + β·KL, averaged over rows.</summary>
/// <param name="Epoch">1-based.</param>
public sealed record EpochProgress(
    int Epoch,
    int TotalEpochs,
    double Loss,
    double Reconstruction,
    double Kl,
    double? ValidationLoss,
    double Seconds);
