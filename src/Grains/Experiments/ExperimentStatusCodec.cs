using MusicClustering.Contracts;
using MusicClustering.Grains.Ownership;

namespace MusicClustering.Grains.Experiments;

/// <summary>An experiment's status blob, which is also its claim: JSON in the product's one style.</summary>
public sealed class ExperimentStatusCodec : IJobStatusCodec<ExperimentStatus>
{
    public static ExperimentStatusCodec Instance { get; } = new();

    public BinaryData Encode(ExperimentStatus status) => BinaryData.FromString(ResultsJson.Serialize(status));

    public ExperimentStatus Decode(BinaryData content) =>
        ResultsJson.Deserialize<ExperimentStatus>(content.ToString()) ?? throw new InvalidDataException("an experiment status blob holds JSON null");

    public bool IsFinished(ExperimentStatus status) => status.IsFinished;

    public (string? Owner, string OwnerName, int Claims) OwnerOf(ExperimentStatus status) =>
        (status.Owner, SiloLiveness.Describe(status.Owner), status.Claims);

    public ExperimentStatus WithOwner(ExperimentStatus status, string? owner, int claims) => status with { Owner = owner, Claims = claims };
}
