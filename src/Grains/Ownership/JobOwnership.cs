using Microsoft.Extensions.Logging;
using MusicClustering.Contracts;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Ownership;

/// <summary>The silo's services every owned job shares; grains ask it for their <see cref="OwnedJob{TStatus}"/>.</summary>
public sealed class JobOwnership(IClaimStore store, OwnershipSettings settings, IOwnerLiveness liveness)
{
    public IOwnerLiveness Liveness => liveness;

    public OwnershipSettings Settings => settings;

    public OwnedJob<TStatus> Create<TStatus>(
        BlobRef claim, IJobStatusCodec<TStatus> codec, IOwnedJob<TStatus> job, IJobHost host, ILogger logger)
        where TStatus : class =>
        new(store, claim, codec, job, host, settings, liveness, logger);
}
