using System.Diagnostics;

namespace MusicClustering.Audio;

/// <summary>Accumulated <see cref="Stopwatch"/> ticks per named stage (benchmarks only; null in production calls).</summary>
internal sealed class StageTimes
{
    public const string Framing = "framing";
    public const string Fft = "fft";
    public const string Power = "power";

    private readonly Dictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> Ticks => _ticks;

    public void Add(string stage, long start) => Add(stage, start, Stopwatch.GetTimestamp());

    public void Add(string stage, long start, long end) =>
        _ticks[stage] = _ticks.GetValueOrDefault(stage) + (end - start);

    public double Milliseconds(string stage) => _ticks.GetValueOrDefault(stage) * 1000.0 / Stopwatch.Frequency;
}
