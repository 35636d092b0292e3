using MusicClustering.Audio;

namespace MusicClustering.Learning;

/// <summary>Patches cut from log-mel spectrograms held in memory (tests, small collections, evaluations).</summary>
public sealed class InMemoryPatchSource : IPatchSource
{
    private readonly IReadOnlyList<LogMelSpectrogram> _tracks;
    private readonly float[] _floors;

    public InMemoryPatchSource(IReadOnlyList<LogMelSpectrogram> tracks)
    {
        if (tracks.Count == 0 || tracks.Any(t => t.Bands != tracks[0].Bands || t.Frames == 0))
        {
            throw new ArgumentException("Give at least one non-empty spectrogram, all with the same number of bands.", nameof(tracks));
        }

        _tracks = tracks;
        _floors = [.. tracks.Select(t => t.Values.Min())];
        TrackFrames = [.. tracks.Select(t => t.Frames)];
    }

    public int Bands => _tracks[0].Bands;

    public IReadOnlyList<int> TrackFrames { get; }

    public IEnumerable<PatchBatch> Read(IReadOnlyList<PatchRef[]> batches, int patchFrames, CancellationToken cancellationToken)
    {
        foreach (var refs in batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = new float[refs.Length * Bands * patchFrames];
            for (var i = 0; i < refs.Length; i++)
            {
                Copy(refs[i], patchFrames, values.AsSpan(i * Bands * patchFrames, Bands * patchFrames));
            }

            yield return new PatchBatch(values, refs, Bands, patchFrames);
        }
    }

    private void Copy(PatchRef patch, int patchFrames, Span<float> destination)
    {
        var track = _tracks[patch.Track];
        var available = Math.Clamp(track.Frames - patch.StartFrame, 0, patchFrames);
        for (var band = 0; band < Bands; band++)
        {
            var row = destination.Slice(band * patchFrames, patchFrames);
            track.Row(band).Slice(patch.StartFrame, available).CopyTo(row);
            row[available..].Fill(_floors[patch.Track]);
        }
    }
}
