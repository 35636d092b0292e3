using MusicClustering.Audio;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// The clip every audio benchmark times, ours and the reference's alike: the deterministic synthetic 30 s clip (or a
/// file given with --clip), written as a 16-bit WAV and read back, so both sides analyse the same samples.
/// </summary>
internal sealed class BenchClip : IDisposable
{
    private BenchClip(string path, float[] samples, bool temporary)
    {
        Path = path;
        Samples = samples;
        Temporary = temporary;
    }

    public string Path { get; }

    public float[] Samples { get; }

    private bool Temporary { get; }

    public static BenchClip Create(string? file)
    {
        if (file is not null)
        {
            return new BenchClip(file, AudioLoader.LoadMonoFile(file), temporary: false);
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cluster-bench-{Guid.NewGuid():N}.wav");
        using (var stream = File.Create(path))
        {
            WavWriter.WritePcm16(stream, MfccBenchmark.Clip(), 22050);
        }

        return new BenchClip(path, AudioLoader.LoadMonoFile(path), temporary: true);
    }

    public void Dispose()
    {
        if (Temporary)
        {
            File.Delete(Path);
        }
    }
}
