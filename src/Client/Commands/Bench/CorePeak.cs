using System.Globalization;
using System.Numerics;
using System.Text.Json.Serialization;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// Peak single-precision FLOP rate of one core at the width our code runs (<see cref="Vector{T}"/>): two FMA units ×
/// lanes × 2 FLOPs × the clock /proc/cpuinfo reports (nominal on VMs, turbo not included). Only for stating the
/// fraction of peak a benchmark reached; null where the clock is unknown.
/// </summary>
public sealed record CorePeak(
    [property: JsonPropertyName("ghz")] double Ghz,
    [property: JsonPropertyName("float32_lanes")] int Lanes,
    [property: JsonPropertyName("gflops")] double Gflops)
{
    public static CorePeak? Current { get; } = Read();

    private static CorePeak? Read()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("cpu MHz", StringComparison.Ordinal) && line.IndexOf(':') is var colon and > 0
                    && double.TryParse(line[(colon + 1)..].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var mhz))
                {
                    var lanes = Vector<float>.Count;
                    return new CorePeak(mhz / 1000, lanes, 2 * lanes * 2 * mhz / 1000);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
