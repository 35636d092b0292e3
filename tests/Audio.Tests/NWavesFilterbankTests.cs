using NWaves.Filters.Fda;

namespace MusicClustering.Audio.Tests;

/// <summary>
/// Independent cross-checks of our filterbanks against NWaves 0.9.6 (a separate implementation of the same formulas,
/// which matches librosa's to about 5e-4): the Slaney mel bank and the chroma bank, for several tunings.
/// </summary>
public sealed class NWavesFilterbankTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-3; // of each filter's peak weight

    [Theory]
    [InlineData(22050, 2048, 128)]
    [InlineData(16000, 512, 40)]
    public void SlaneyMelBankAgreesWithNWaves(int sampleRate, int nFft, int bands)
    {
        var ours = MelFilterbank.Create(sampleRate, nFft, bands, 0, sampleRate / 2.0).ToDense();
        var theirs = FilterBanks.MelBankSlaney(bands, nFft, sampleRate);

        var worst = 0.0;
        for (var m = 0; m < bands; m++)
        {
            var peak = theirs[m].Max();
            for (var k = 0; k < theirs[m].Length; k++)
            {
                worst = Math.Max(worst, Math.Abs(ours[m, k] - theirs[m][k]) / peak);
            }
        }

        output.WriteLine($"mel {sampleRate}/{nFft}/{bands}: max difference {worst:E2} of the filter's peak");
        Assert.True(worst < Tolerance, $"mel bank differs by {worst:E2} of a filter's peak");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(0.37)]
    public void ChromaBankAgreesWithNWaves(double tuning)
    {
        var ours = ChromaFilterbank.For(22050, 2048, tuning);
        var theirs = FilterBanks.Chroma(2048, 22050, 12, tuning);

        var worst = 0.0;
        for (var c = 0; c < 12; c++)
        {
            var peak = theirs[c].Max();
            for (var k = 0; k < ours.Bins; k++)
            {
                worst = Math.Max(worst, Math.Abs(ours[c, k] - theirs[c][k]) / peak);
            }
        }

        output.WriteLine($"chroma, tuning {tuning}: max difference {worst:E2} of the row's peak");
        Assert.True(worst < Tolerance, $"chroma bank differs by {worst:E2} of a row's peak");
    }
}
