using System.Text.Json;

namespace MusicClustering.Audio.Tests;

/// <summary>One /work/shared/reference/mfcc/*.mfcc.json file.</summary>
internal sealed record MfccReference(string Input, int Coefficients, int Frames, double[][] Mfcc, double[] Mean, double[] Std, bool Resampled)
{
    public static MfccReference Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path("reference", "mfcc", name + ".mfcc.json")));
        var root = doc.RootElement;
        var shape = root.GetProperty("shape");
        var rows = root.GetProperty("mfcc").EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
        return new MfccReference(
            root.GetProperty("input").GetString()!,
            shape[0].GetInt32(),
            shape[1].GetInt32(),
            rows,
            root.GetProperty("mean").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            root.GetProperty("std").EnumerateArray().Select(v => v.GetDouble()).ToArray(),
            root.GetProperty("resampled").GetBoolean());
    }
}
