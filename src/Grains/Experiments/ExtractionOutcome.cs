using MusicClustering.Contracts;

namespace MusicClustering.Grains.Experiments;

/// <summary>The tracks whose features were extracted, in manifest order, and those that failed.</summary>
public sealed record ExtractionOutcome(
    IReadOnlyList<ExtractionOutcome.Extracted> Succeeded,
    IReadOnlyList<TrackFeatureResult> Failed)
{
    public sealed record Extracted(ManifestTrack Track, TrackFeatureResult Result);

    /// <summary>The manifest entries of <see cref="Failed"/>, in the same order (how results name a failed track).</summary>
    public IReadOnlyList<ManifestTrack> FailedTracks { get; init; } = [];

    public static ExtractionOutcome From(IReadOnlyList<ManifestTrack> tracks, IReadOnlyList<TrackFeatureResult> results)
    {
        var succeeded = new List<Extracted>();
        var failed = new List<TrackFeatureResult>();
        var failedTracks = new List<ManifestTrack>();
        for (var i = 0; i < tracks.Count; i++)
        {
            if (results[i].Succeeded)
            {
                succeeded.Add(new Extracted(tracks[i], results[i]));
            }
            else
            {
                failed.Add(results[i]);
                failedTracks.Add(tracks[i]);
            }
        }

        return new ExtractionOutcome(succeeded, failed) { FailedTracks = failedTracks };
    }
}
