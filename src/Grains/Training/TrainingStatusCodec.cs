using MusicClustering.Contracts;
using MusicClustering.Grains.Ownership;

namespace MusicClustering.Grains.Training;

/// <summary>A training run's status blob, which is also its claim.</summary>
public sealed class TrainingStatusCodec : IJobStatusCodec<TrainingStatus>
{
    public static TrainingStatusCodec Instance { get; } = new();

    public BinaryData Encode(TrainingStatus status) => TrainingJson.ToContent(status);

    public TrainingStatus Decode(BinaryData content) => TrainingJson.FromContent<TrainingStatus>(content);

    public bool IsFinished(TrainingStatus status) => status.IsFinished;

    public (string? Owner, string OwnerName, int Claims) OwnerOf(TrainingStatus status) => (status.Owner, status.Silo, status.Claims);

    public TrainingStatus WithOwner(TrainingStatus status, string? owner, int claims) => status with { Owner = owner, Claims = claims };
}
