using MusicClustering.Audio;

namespace MusicClustering.Learning.Tests;

/// <summary>Labelled WAV clips (<c>label.nnnnn.wav</c>) decoded to mono 22.05 kHz, with their log-mel and MFCC statistics.</summary>
internal sealed record LabelledClips(IReadOnlyList<string> Names, int[] Labels, IReadOnlyList<LogMelSpectrogram> LogMel, float[][] MfccStats)
{
    public static LabelledClips Load(string directory)
    {
        var files = Directory.GetFiles(directory, "*.wav").Order(StringComparer.Ordinal).ToList();
        var names = files.Select(Path.GetFileName).Select(n => n!).ToList();
        var labelNames = names.Select(n => n.Split('.')[0]).ToList();
        var distinct = labelNames.Distinct().Order(StringComparer.Ordinal).ToList();
        var extractor = new MfccExtractor(new MfccOptions());
        var logMel = new LogMelSpectrogram[files.Count];
        var stats = new float[files.Count][];
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var mono = AudioLoader.LoadMonoFile(files[i]);
            logMel[i] = extractor.ComputeLogMel(mono);
            stats[i] = TrackVectorizer.Vectorize(extractor.Compute(mono), FeatureConfig.Parse("stats"));
        });
        return new LabelledClips(names, [.. labelNames.Select(l => distinct.IndexOf(l))], logMel, stats);
    }

    public int Classes => Labels.Distinct().Count();
}
