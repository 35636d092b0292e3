namespace MusicClustering.Learning;

/// <summary>Counts epochs without a new best validation loss; patience 0 never stops.</summary>
internal sealed class EarlyStopping(int patience, double? bestLoss, int epochsSinceImprovement)
{
    public double? BestLoss { get; private set; } = bestLoss;

    public int EpochsSinceImprovement { get; private set; } = epochsSinceImprovement;

    /// <summary>Records an epoch's validation loss and says whether training should stop now.</summary>
    public bool ShouldStop(double? validationLoss)
    {
        if (validationLoss is not { } loss)
        {
            return false;
        }

        if (BestLoss is null || loss < BestLoss)
        {
            BestLoss = loss;
            EpochsSinceImprovement = 0;
        }
        else
        {
            EpochsSinceImprovement++;
        }

        return patience > 0 && EpochsSinceImprovement >= patience;
    }
}
