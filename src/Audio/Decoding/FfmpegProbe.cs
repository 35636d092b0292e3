using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>
/// Asks ffmpeg whether it reads audio from a file, so ingest accepts whatever ffmpeg can decode rather than a list of
/// extensions written down here (ffmpeg's demuxers do not even declare some, e.g. .wma is read by "asf").
/// </summary>
public static class FfmpegProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>True when ffmpeg is on PATH.</summary>
    public static bool IsAvailable => FfmpegReader.FindExecutable() is not null;

    /// <summary>Whether ffmpeg finds an audio stream in the file: it lists the input's streams and stops (no output file).</summary>
    public static bool HasAudioStream(string path)
    {
        var ffmpeg = FfmpegReader.FindExecutable() ?? throw new InvalidOperationException($"ffmpeg is not on PATH. {FfmpegReader.InstallHint}");
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-hide_banner", "-nostdin", "-i", path })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {ffmpeg}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            return false;
        }

        _ = stdout.Result;
        return stderr.Result.Split('\n').Any(line => line.TrimStart().StartsWith("Stream #", StringComparison.Ordinal) && line.Contains(": Audio:", StringComparison.Ordinal));
    }
}
