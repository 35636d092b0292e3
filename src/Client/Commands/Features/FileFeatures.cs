using MusicClustering.Audio;

namespace MusicClustering.Client.Commands.Features;

/// <summary>
/// One file analysed as the product analyses tracks: streamed and cut into segments, each segment's MFCC (and, when
/// asked, descriptors) computed and pooled. A file of up to 1.5 segments is one segment, i.e. exactly librosa's
/// analysis of the whole clip; longer files print their segments' matrices side by side.
/// </summary>
internal sealed class FileFeatures
{
    private readonly List<MfccMatrix> _mfcc = [];
    private readonly List<DescriptorSet> _descriptors = [];
    private float[]? _firstSegment;

    public required MfccOptions Options { get; init; }

    public required bool WithDescriptors { get; init; }

    /// <summary>Keep every segment's matrices (for printing them); otherwise only the pooled statistics.</summary>
    public required bool KeepMatrices { get; init; }

    public DescriptorSummary? Summary { get; private set; }

    public MfccSummary Mfcc { get; private set; } = new([], 0);

    public IReadOnlyList<MfccMatrix> MfccMatrices => _mfcc;

    public IReadOnlyList<DescriptorSet> DescriptorSets => _descriptors;

    public float[] FirstSegment => _firstSegment ?? [];

    public int Segments { get; private set; }

    public double AnalysedSeconds { get; private set; }

    public double DurationSeconds { get; private set; }

    public string? Warning { get; private set; }

    public long Samples { get; private set; }

    public void Analyse(string path, FeatureConfig config)
    {
        using var reader = AudioReader.OpenFile(path, Options.SampleRate);
        using var track = new SegmentedTrack(reader, config);
        var mfccExtractor = TrackAnalyzer.Mfcc(Options);
        track.ForEach(segment =>
        {
            _firstSegment ??= segment.ToArray();
            if (WithDescriptors)
            {
                var set = TrackAnalyzer.Descriptors(Options).Compute(segment, gtzanTable: true);
                var summary = DescriptorSummary.From(set);
                Summary = Summary is null ? summary : Summary.Pool(summary);
                Mfcc = Mfcc.Add(set[DescriptorSet.Mfcc]);
                if (KeepMatrices)
                {
                    _descriptors.Add(set);
                }
            }
            else
            {
                var matrix = mfccExtractor.Compute(segment);
                Mfcc = Mfcc.Add(DescriptorMatrix.FromMfcc(DescriptorSet.Mfcc, matrix));
                if (KeepMatrices)
                {
                    _mfcc.Add(matrix);
                }
            }
        });
        Segments = track.Count;
        AnalysedSeconds = track.SecondsRead;
        DurationSeconds = track.DurationSeconds;
        Warning = track.Warning;
        Samples = track.Samples;
    }

    /// <summary>Pooled MFCC row statistics and the frame count over all segments.</summary>
    public sealed record MfccSummary(FrameStatistics[] Rows, int Frames)
    {
        public MfccSummary Add(DescriptorMatrix matrix)
        {
            var rows = Enumerable.Range(0, matrix.Rows).Select(r => FrameStatistics.Of(matrix.Row(r))).ToArray();
            return new MfccSummary(Rows.Length == 0 ? rows : [.. Rows.Zip(rows, (a, b) => a.Pool(b))], Frames + matrix.Frames);
        }
    }
}
