using System.Text.Json;

namespace MusicClustering.Audio.Tests;

/// <summary>The sparse Slaney filterbank equals librosa.filters.mel stored with the stereo reference.</summary>
public sealed class MelFilterbankTests
{
    [Fact]
    public void Matches_librosa_mel_filterbank()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path("reference", "mfcc", "stereo44k_sine440_noise_3s.mfcc.json")));
        var reference = doc.RootElement.GetProperty("mel_filterbank").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

        var dense = MelFilterbank.Create(22050, 2048, 128, 0, 11025).ToDense();

        Assert.Equal(128, reference.Length);
        Assert.Equal(1025, reference[0].Length);
        double worst = 0;
        for (var m = 0; m < 128; m++)
        {
            for (var k = 0; k < 1025; k++)
            {
                worst = Math.Max(worst, Math.Abs(dense[m, k] - reference[m][k]) / Math.Max(1e-12, Math.Abs(reference[m][k])));
                Assert.Equal(reference[m][k] == 0, dense[m, k] == 0);
            }
        }

        Assert.True(worst < 1e-6, $"max relative weight difference {worst:E2}");
    }
}
