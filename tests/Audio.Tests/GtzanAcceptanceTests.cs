using System.Globalization;

namespace MusicClustering.Audio.Tests;

/// <summary>
/// Real-audio acceptance: with reflect padding (pre-0.10 librosa default) the extractor reproduces the
/// mfccN_mean / mfccN_var columns of GTZAN's features_30_sec.csv.
/// </summary>
public sealed class GtzanAcceptanceTests(ITestOutputHelper output)
{
    private static readonly MfccExtractor Extractor = new(MfccOptions.Gtzan);

    public static TheoryData<string> Clips()
    {
        var data = new TheoryData<string>();
        foreach (var genre in new[] { "blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock" })
        {
            data.Add($"{genre}.00000.wav");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Clips))]
    public void Reproduces_feature_table_mfcc_columns(string clip)
    {
        var path = SharedData.Path("data", "gtzan", "clips_full", clip);
        var signal = AudioLoader.LoadMonoFile(path);
        var (means, variances) = ReadRow(Path.GetFileNameWithoutExtension(clip));

        var mfcc = Extractor.Compute(signal);
        var ourMeans = mfcc.Means();
        var ourVariances = mfcc.Variances();

        double worstMean = 0, worstVar = 0;
        for (var c = 0; c < 20; c++)
        {
            worstMean = Math.Max(worstMean, Math.Abs(ourMeans[c] - means[c]));
            worstVar = Math.Max(worstVar, Math.Abs(ourVariances[c] - variances[c]) / Math.Abs(variances[c]));
        }

        output.WriteLine($"{clip}: max |Δmean| {worstMean:E3}, max relative Δvar {worstVar:E3}");
        Assert.True(worstMean <= 1e-3, $"{clip}: max |Δmean| = {worstMean:E3} > 1e-3");
        Assert.True(worstVar <= 1e-4, $"{clip}: max relative Δvar = {worstVar:E3} > 1e-4");
    }

    /// <summary>The study's input: the first 130 frames (2600 values) exist for every trimmed GTZAN clip.</summary>
    [Fact]
    public void Trimmed_clips_decode_and_yield_study_vectors()
    {
        var clips = Directory.GetFiles(SharedData.Path("data", "gtzan", "clips_trimmed"), "*.wav");
        Assert.Equal(100, clips.Length);
        var config = FeatureConfig.Parse("frames:130", MfccOptions.Gtzan);
        foreach (var clip in clips)
        {
            var signal = AudioLoader.LoadMonoFile(clip);
            Assert.InRange(signal.Length / 22050.0, 15.0, 20.1); // "the first 15–20 s" (data README)
            var vector = TrackVectorizer.Vectorize(Extractor.Compute(signal), config);
            Assert.Equal(2600, vector.Length);
            Assert.True(vector[129] != 0 && vector[2599] != 0, $"{Path.GetFileName(clip)}: frame 129 is padding");
        }
    }

    // The CSV names clips <genre>.<n>.au (the original GTZAN container); match by stem.
    private static (double[] Means, double[] Variances) ReadRow(string stem)
    {
        var lines = File.ReadAllLines(SharedData.Path("data", "gtzan", "features_30_sec.csv"));
        var header = lines[0].Split(',');
        var row = lines.Skip(1).Select(l => l.Split(',')).First(cells => Path.GetFileNameWithoutExtension(cells[0]) == stem);
        var means = new double[20];
        var variances = new double[20];
        for (var c = 0; c < 20; c++)
        {
            means[c] = double.Parse(row[Array.IndexOf(header, $"mfcc{c + 1}_mean")], CultureInfo.InvariantCulture);
            variances[c] = double.Parse(row[Array.IndexOf(header, $"mfcc{c + 1}_var")], CultureInfo.InvariantCulture);
        }

        return (means, variances);
    }
}
