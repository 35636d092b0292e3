namespace MusicClustering.Reliability.Tests.Prototype;

/// <summary>A long job whose only ownership mechanism is Orleans' own: grain state with ETags and the directory.</summary>
[Alias("MusicClustering.Reliability.Tests.Prototype.IPrototypeJobGrain")]
public interface IPrototypeJobGrain : IGrainWithStringKey
{
    [Alias("Start")]
    Task StartAsync(int steps, CancellationToken cancellationToken = default);

    [Alias("Get")]
    Task<PrototypeJobProgress> GetAsync(CancellationToken cancellationToken = default);
}
