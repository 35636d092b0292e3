namespace MusicClustering.Contracts;

/// <summary>
/// One track of one dataset, keyed "dataset/track" like <see cref="ITrackGrain"/>: computes and caches the log-mel
/// spectrogram the patch models (<see cref="PatchRepresentationModels"/>) learn from, on the silo it lands on.
/// </summary>
[Alias("mc.ITrackLogMelGrain")]
public interface ITrackLogMelGrain : IGrainWithStringKey
{
    [Alias("ComputeLogMel")]
    Task<TrackLogMelResult> ComputeLogMelAsync(TrackExtractionRequest request, CancellationToken cancellationToken = default);
}
