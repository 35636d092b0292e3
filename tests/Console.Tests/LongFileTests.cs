namespace MusicClustering.Console.Tests;

/// <summary>
/// Row 6 of issue 12: a 1-hour WAV must not cost more than a bounded working set. Needs the streaming decode of the
/// audio branch (issue 12 item 4); until it is merged this fails (the whole file is decoded in memory).
/// </summary>
[Collection(ConsoleCollection.Name)]
[Trait("Category", "Heavy")]
public sealed class LongFileTests(ConsoleFixture fixture)
{
    private const long RssLimit = 500L * 1024 * 1024;

    [Fact]
    public async Task Features_of_a_one_hour_wav_stay_under_500_MB_of_RSS()
    {
        var path = Path.Combine(fixture.NewFolder("long"), "one-hour.wav");
        WriteSineWav(path, seconds: 3600, sampleRate: 22050);
        var result = await fixture.Cli.RunAsync("features", path, "--json");
        ConsoleAssert.NoStackTrace(result);
        Assert.True(result.PeakRssBytes > 0, "the peak RSS was not sampled");
        Assert.True(result.PeakRssBytes < RssLimit, $"peak RSS {result.PeakRssBytes / 1e6:F0} MB for a 1-hour WAV: {result.ExitCode} {result.Stderr}");
    }

    /// <summary>16-bit mono PCM, written in blocks, so the test itself never holds the hour in memory.</summary>
    private static void WriteSineWav(string path, int seconds, int sampleRate)
    {
        var samples = (long)seconds * sampleRate;
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write((uint)(36 + samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(sampleRate);
        writer.Write(sampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write((uint)(samples * 2));
        var block = new byte[sampleRate * 2];
        for (long s = 0; s < samples; s += sampleRate)
        {
            for (var i = 0; i < sampleRate; i++)
            {
                var value = (short)(8000 * Math.Sin(2 * Math.PI * 440 * (s + i) / sampleRate));
                block[2 * i] = (byte)value;
                block[(2 * i) + 1] = (byte)(value >> 8);
            }

            writer.Write(block);
        }
    }
}
