using System.Text.Json;

namespace MusicClustering.Audio.Tests;

/// <summary>One <c>shared/reference/descriptors/*.json</c> file (descriptors_ref.py's output).</summary>
internal sealed record DescriptorReference(
    string Input,
    PadMode PadMode,
    int Frames,
    double Tempo,
    (double Mean, double Var) Harmony,
    (double Mean, double Var) Perceptr,
    IReadOnlyDictionary<string, DescriptorReference.Descriptor> Descriptors)
{
    public sealed record Descriptor(double[] Mean, double[] Var, double[][]? Matrix)
    {
        /// <summary>The tolerance scale of the issue: the descriptor's largest |mean|.</summary>
        public double Scale => Mean.Max(Math.Abs);
    }

    public static DescriptorReference Load(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path("reference", "descriptors", file)));
        var root = doc.RootElement;
        static double[] Array(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetDouble())];
        var descriptors = root.GetProperty("descriptors").EnumerateObject().ToDictionary(
            p => p.Name,
            p => new Descriptor(
                Array(p.Value.GetProperty("mean")),
                Array(p.Value.GetProperty("var")),
                p.Value.TryGetProperty("matrix", out var m) ? [.. m.EnumerateArray().Select(Array)] : null));
        (double, double) Signal(string name) => (root.GetProperty(name).GetProperty("mean").GetDouble(), root.GetProperty(name).GetProperty("var").GetDouble());
        return new DescriptorReference(
            root.GetProperty("input").GetString()!,
            root.GetProperty("pad_mode").GetString() == "reflect" ? PadMode.Reflect : PadMode.Constant,
            root.GetProperty("descriptors").GetProperty("mfcc").GetProperty("shape")[1].GetInt32(),
            root.GetProperty("tempo").GetDouble(),
            Signal("harmony"),
            Signal("perceptr"),
            descriptors);
    }
}
