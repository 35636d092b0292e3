using System.Diagnostics;
using System.Globalization;

namespace MusicClustering.Audio;

/// <summary>
/// Compressed formats (mp3, ogg, flac, opus, m4a, ...) decoded by ffmpeg to mono float32 at the requested rate and
/// read through its output pipe chunk by chunk. ffmpeg reads a file path, so containers that seek (mp4) work; a
/// stream that is not a file is first copied to a temporary file. ffprobe gives the declared duration before decoding;
/// decoding that ends well short of it (a cut-off file whose header counts its frames) is reported as truncated.
/// </summary>
internal sealed class FfmpegReader : AudioReader
{
    public const string InstallHint = "Install ffmpeg and put it on PATH (Debian/Ubuntu: `apt-get install ffmpeg`; macOS: `brew install ffmpeg`).";
    private const int ChunkBytes = 1 << 16;

    private readonly Process _process;
    private readonly Task<string> _stderr;
    private readonly string _container;
    private readonly string? _temporary;
    private readonly byte[] _buffer = new byte[ChunkBytes];
    private int _carry; // bytes of an incomplete float left at the end of the last read
    private bool _ended;

    private FfmpegReader(string path, string fileName, string container, int sampleRate, string? temporary)
        : base(fileName)
    {
        _container = container;
        _temporary = temporary;
        SampleRate = sampleRate;
        var ffmpeg = FindExecutable("ffmpeg") ?? throw new AudioFormatException(
            AudioFailureReasons.FfmpegMissing,
            $"{fileName}: decoding {container} needs ffmpeg, which was not found on PATH. {InstallHint}");
        DeclaredSeconds = Probe(path);
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", path, "-f", "f32le", "-ac", "1", "-ar", sampleRate.ToString(CultureInfo.InvariantCulture), "pipe:1" })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new AudioFormatException(AudioFailureReasons.FfmpegFailed, $"{fileName}: could not start {ffmpeg}.");
        _stderr = _process.StandardError.ReadToEndAsync();
    }

    public override int SampleRate { get; }

    public override int Channels => 1;

    public override double? DeclaredSeconds { get; }

    public static string? FindExecutable(string name = "ffmpeg")
    {
        var file = OperatingSystem.IsWindows() ? name + ".exe" : name;
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, file);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    public static FfmpegReader Open(Stream stream, byte[] prefix, string fileName, string container, int sampleRate)
    {
        if (FindExecutable("ffmpeg") is null)
        {
            throw new AudioFormatException(AudioFailureReasons.FfmpegMissing, $"{fileName}: decoding {container} needs ffmpeg, which was not found on PATH. {InstallHint}");
        }

        if (stream is FileStream file && file.CanSeek)
        {
            return new FfmpegReader(file.Name, fileName, container, sampleRate, null);
        }

        var temporary = Path.Combine(Path.GetTempPath(), $"mc-audio-{Guid.NewGuid():N}{Path.GetExtension(fileName)}");
        try
        {
            using (var copy = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                copy.Write(prefix);
                stream.CopyTo(copy);
            }

            return new FfmpegReader(temporary, fileName, container, sampleRate, temporary);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    public override int Read(Span<float> interleaved)
    {
        if (_ended)
        {
            return 0;
        }

        var wanted = Math.Min(_buffer.Length, interleaved.Length * 4);
        var read = StreamBytes.ReadUpTo(_process.StandardOutput.BaseStream, _buffer.AsSpan(_carry, wanted - _carry)) + _carry;
        var samples = read / 4;
        if (samples == 0)
        {
            return End();
        }

        SampleCodec.Convert(_buffer.AsSpan(0, samples * 4), interleaved, SampleEncoding.Float32, bigEndian: false, FileName, FramesRead);
        _carry = read - (samples * 4);
        _buffer.AsSpan(samples * 4, _carry).CopyTo(_buffer);
        FramesRead += samples;
        return samples;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_process.HasExited)
            {
                _process.Kill(); // the caller stopped early (max_segments): this process is ours
            }

            _process.WaitForExit();
            _process.Dispose();
            if (_temporary is not null)
            {
                File.Delete(_temporary);
            }
        }
    }

    private int End()
    {
        _ended = true;
        _process.WaitForExit();
        if (_process.ExitCode != 0)
        {
            throw new AudioFormatException(AudioFailureReasons.FfmpegFailed, $"{FileName}: ffmpeg failed to decode {_container} (exit {_process.ExitCode}): {_stderr.Result.Trim()}");
        }

        if (FramesRead == 0)
        {
            throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{FileName}: ffmpeg decoded no samples from {_container}.");
        }

        // Encoder delay and resampling move the end by a few milliseconds; half a second and 2 % is a real cut.
        if (DeclaredSeconds is { } declared && SecondsRead < declared - Math.Max(0.5, 0.02 * declared))
        {
            CheckTruncation((long)(declared * SampleRate));
        }

        return 0;
    }

    // ffprobe's container duration, before any decoding; null without ffprobe or when the container does not say.
    private static double? Probe(string path)
    {
        var ffprobe = FindExecutable("ffprobe");
        if (ffprobe is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(ffprobe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "default=noprint_wrappers=1:nokey=1", path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start);
        if (process is null)
        {
            return null;
        }

        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && double.TryParse(output.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? seconds
            : null;
    }
}
