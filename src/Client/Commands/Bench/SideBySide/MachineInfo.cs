using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace MusicClustering.Client.Commands.Bench.SideBySide;

/// <summary>The machine a benchmark ran on: every ratio is only meaningful beside it.</summary>
public sealed record MachineInfo(
    string Cpu,
    int Cores,
    string Simd,
    int VectorBits,
    string Os,
    string Runtime)
{
    public static MachineInfo Current { get; } = Read();

    public override string ToString() => $"{Cpu}, {Cores} cores, {Simd} ({VectorBits}-bit vectors)";

    private static MachineInfo Read() => new(
        CpuModel(),
        Environment.ProcessorCount,
        SimdLevel(),
        Vector<byte>.Count * 8,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string CpuModel()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/cpuinfo"))
            {
                if (line.StartsWith("model name", StringComparison.Ordinal) && line.IndexOf(':') is var colon and > 0)
                {
                    return line[(colon + 1)..].Trim();
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    private static string SimdLevel() =>
        Avx512F.IsSupported ? "AVX-512" :
        Avx2.IsSupported ? "AVX2" :
        Avx.IsSupported ? "AVX" :
        Sse42.IsSupported ? "SSE4.2" :
        System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported ? "NEON" : "none";
}
