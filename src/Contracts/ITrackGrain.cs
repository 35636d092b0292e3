namespace MusicClustering.Contracts;

/// <summary>One track of one dataset, keyed "dataset/track". Extracts and caches its fixed-length MFCC vector.</summary>
[Alias("mc.ITrackGrain")]
public interface ITrackGrain : IGrainWithStringKey
{
    [Alias("Extract")]
    Task<TrackFeatureResult> ExtractAsync(TrackExtractionRequest request, CancellationToken cancellationToken = default);
}
