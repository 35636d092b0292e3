namespace MusicClustering.Console.Tests;

/// <summary>What one run of the console left: its exit code, both streams, how long it took and its peak RSS.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed, long PeakRssBytes)
{
    /// <summary>The stderr lines that are not the console's grey progress and mode lines.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(l => l.StartsWith("error:", StringComparison.Ordinal))
        .ToList();

    public override string ToString() =>
        $"exit {ExitCode} after {Elapsed.TotalSeconds:F1} s{Environment.NewLine}--- stdout ---{Environment.NewLine}{Stdout}{Environment.NewLine}--- stderr ---{Environment.NewLine}{Stderr}";
}
