using MusicClustering.Audio;

namespace MusicClustering.Learning.Tests;

/// <summary>Seeded dB spectrograms in a few "styles" (band profile × pulse rate) plus noise: small and learnable.</summary>
internal static class SyntheticSpectrograms
{
    public static IReadOnlyList<LogMelSpectrogram> Make(int tracks, int styles, int bands, int frames, int seed)
    {
        var random = new Random(seed);
        var result = new List<LogMelSpectrogram>();
        for (var t = 0; t < tracks; t++)
        {
            var style = t % styles;
            var centre = bands * (style + 0.5) / styles;
            var period = 3 + (2 * style);
            var length = frames - random.Next(frames / 4);
            var values = new float[bands * length];
            for (var b = 0; b < bands; b++)
            {
                for (var f = 0; f < length; f++)
                {
                    var profile = -40 * Math.Pow((b - centre) / bands, 2) * 4;
                    var pulse = f % period == 0 ? 12 : 0;
                    values[(b * length) + f] = (float)(profile + pulse + (random.NextDouble() * 6) - 30);
                }
            }

            result.Add(new LogMelSpectrogram(bands, length, values));
        }

        return result;
    }
}
