namespace MusicClustering.Grains.Training;

/// <summary>
/// The content of a training run's claim blob (<c>models/{runId}/owner.json</c>): which silo trains it (an Orleans silo
/// address, empty once released), how many activations have owned it, and the epoch reached, so a following
/// activation can report progress it does not own.
/// </summary>
public sealed record TrainingClaim(string Owner, string OwnerName, int Claims, int Epoch)
{
    public BinaryData ToContent() => TrainingJson.ToContent(this);

    public static TrainingClaim Parse(BinaryData content) => TrainingJson.FromContent<TrainingClaim>(content);
}
