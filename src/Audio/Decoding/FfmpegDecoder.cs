using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>Decodes compressed formats (mp3, ogg, flac, opus, m4a, ...) by running ffmpeg to mono float32.</summary>
internal static class FfmpegDecoder
{
    public const string InstallHint = "Install ffmpeg and put it on PATH (Debian/Ubuntu: `apt-get install ffmpeg`; macOS: `brew install ffmpeg`).";

    public static string? FindExecutable()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "ffmpeg.exe" } : new[] { "ffmpeg" };
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static DecodedAudio Decode(ReadOnlySpan<byte> bytes, string fileName, string container, int sampleRate)
    {
        var ffmpeg = FindExecutable() ?? throw new AudioFormatException(
            AudioFailureReasons.FfmpegMissing,
            $"{fileName}: decoding {container} needs ffmpeg, which was not found on PATH. {InstallHint}");

        // A temp file (not a pipe) lets ffmpeg seek, which some containers (mp4/m4a) need.
        var input = Path.Combine(Path.GetTempPath(), $"mc-audio-{Guid.NewGuid():N}{Path.GetExtension(fileName)}");
        File.WriteAllBytes(input, bytes.ToArray());
        try
        {
            var start = new ProcessStartInfo(ffmpeg)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[] { "-nostdin", "-v", "error", "-i", input, "-f", "f32le", "-ac", "1", "-ar", sampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture), "pipe:1" })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start) ?? throw new AudioFormatException(AudioFailureReasons.FfmpegFailed, $"{fileName}: could not start {ffmpeg}.");
            var stderr = process.StandardError.ReadToEndAsync();
            using var pcm = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(pcm);
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new AudioFormatException(AudioFailureReasons.FfmpegFailed, $"{fileName}: ffmpeg failed to decode {container} (exit {process.ExitCode}): {stderr.Result.Trim()}");
            }

            var raw = pcm.GetBuffer().AsSpan(0, (int)pcm.Length);
            if (raw.Length < 4)
            {
                throw new AudioFormatException(AudioFailureReasons.EmptyData, $"{fileName}: ffmpeg decoded no samples from {container}.");
            }

            var samples = SampleCodec.ToFloat(raw, SampleEncoding.Float32, bigEndian: false, fileName);
            return new DecodedAudio(sampleRate, 1, samples);
        }
        finally
        {
            File.Delete(input);
        }
    }
}
