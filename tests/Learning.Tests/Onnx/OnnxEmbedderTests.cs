using MusicClustering.Audio;
using MusicClustering.TestSupport;

namespace MusicClustering.Learning.Tests;

public sealed class OnnxEmbedderTests
{
    private static float[] Tone(int samples, double frequency, int rate = 22050) =>
        [.. Enumerable.Range(0, samples).Select(i => (float)((0.3 * Math.Sin(2 * Math.PI * frequency * i / rate)) + (0.05 * Math.Sin(i * 0.37))))];

    [Fact]
    public void A_log_mel_model_embeds_a_track_as_the_hand_computed_mean_of_its_patches()
    {
        const int mels = 16, width = 3, patch = 20, hop = 10;
        var random = new Random(2);
        var weights = Enumerable.Range(0, mels * width).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        float[] bias = [0.5f, -1, 2];
        var options = new OnnxEmbedderOptions
        {
            Input = OnnxInputKind.LogMel,
            Layout = OnnxInputLayout.BatchChannelMelsFrames,
            SampleRate = 22050,
            WindowLength = 1024,
            HopLength = 256,
            Mels = mels,
            PatchLength = patch,
            PatchHop = hop,
            BatchSize = 2,
            InputScale = 0.1,
            InputOffset = 1,
        };
        var audio = Tone(22050, 440);
        using var embedder = new OnnxEmbedder(TinyOnnxModels.MeanOverFramesThenLinear(mels, weights, bias), options);

        var embedding = embedder.Embed(audio);

        // By hand: the same log-mel front end, patches every 10 frames, frame means scaled, times W plus b, averaged over patches.
        var logMel = new MfccExtractor(new MfccOptions { SampleRate = 22050, NFft = 1024, HopLength = 256, NMels = mels, NMfcc = 1 }).ComputeLogMel(audio);
        var starts = Enumerable.Range(0, logMel.Frames).Where(s => s % hop == 0 && s + patch <= logMel.Frames).ToList();
        var expected = new double[width];
        foreach (var start in starts)
        {
            for (var d = 0; d < width; d++)
            {
                var sum = (double)bias[d];
                for (var m = 0; m < mels; m++)
                {
                    var frameMean = Enumerable.Range(start, patch).Average(f => (logMel[m, f] * 0.1) + 1);
                    sum += frameMean * weights[(m * width) + d];
                }

                expected[d] += sum / starts.Count;
            }
        }

        Assert.Equal(87, logMel.Frames);
        Assert.Equal(7, starts.Count);
        Assert.Equal(width, embedding.Length);
        Assert.All(expected.Zip(embedding), p => Assert.Equal(p.First, p.Second, 3e-4));
    }

    [Fact]
    public void A_waveform_model_pads_a_short_track_and_pools_mean_and_std_over_patches()
    {
        float[] weights = [1, 10];
        var options = new OnnxEmbedderOptions
        {
            Input = OnnxInputKind.Waveform,
            Layout = OnnxInputLayout.BatchSamples,
            PatchLength = 1000,
            Pooling = PatchPooling.MeanStd,
        };
        using var embedder = new OnnxEmbedder(TinyOnnxModels.MeanSquareWaveform(weights), options);
        var audio = Tone(2500, 220);

        var embedding = embedder.Embed(audio);
        var shortTrack = embedder.Embed(audio[..400]);

        // Patches [0, 1000) and [1000, 2000); the rest is dropped. A 400-sample track is one zero-padded patch.
        var energies = new[] { 0, 1000 }.Select(s => audio.Skip(s).Take(1000).Average(x => (double)x * x)).ToArray();
        var mean = energies.Average();
        var std = Math.Sqrt(energies.Average(e => (e - mean) * (e - mean)));
        Assert.Equal([mean, 10 * mean, std, 10 * std], embedding.Select(v => (double)v), new ToleranceComparer(1e-6));
        Assert.Equal(audio[..400].Sum(x => (double)x * x) / 1000, shortTrack[0], 6);
        Assert.Equal(0, shortTrack[2]);
    }

    [Fact]
    public void Mismatched_options_and_unloadable_models_are_refused_with_a_reason()
    {
        var model = TinyOnnxModels.MeanSquareWaveform([1]);

        var layout = Assert.Throws<ArgumentException>(() => new OnnxEmbedder(model, new OnnxEmbedderOptions { Input = OnnxInputKind.Waveform }));
        Assert.Contains("layout", layout.Message);
        var name = Assert.Throws<ArgumentException>(() => new OnnxEmbedder(
            model, new OnnxEmbedderOptions { Input = OnnxInputKind.Waveform, Layout = OnnxInputLayout.BatchSamples, InputName = "wave" }));
        Assert.Contains("audio", name.Message);
        Assert.Throws<InvalidDataException>(() => new OnnxEmbedder([1, 2, 3], new OnnxEmbedderOptions()));
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Abs(x));

        public int GetHashCode(double obj) => 0;
    }
}
