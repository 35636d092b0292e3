using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Experiments;

/// <summary>
/// Turns a spec's <see cref="OnnxSpec"/> into <see cref="OnnxEmbedderOptions"/> and says what is wrong with one, one
/// line per problem, so <see cref="SpecValidator"/> rejects it before any track is embedded.
/// </summary>
public static class OnnxSpecOptions
{
    public static OnnxEmbedderOptions ToEmbedderOptions(OnnxSpec spec) => new()
    {
        Input = Parse<OnnxInputKind>(spec.Input, "input"),
        Layout = Parse<OnnxInputLayout>(spec.Layout, "layout"),
        SampleRate = spec.SampleRate,
        WindowLength = spec.WindowLength,
        HopLength = spec.HopLength,
        Mels = spec.Mels,
        FMin = spec.FMin,
        FMax = spec.FMax,
        Power = spec.Power,
        LogScale = Parse<OnnxLogScale>(spec.LogScale, "log_scale"),
        TopDb = spec.TopDb,
        InputScale = spec.InputScale,
        InputOffset = spec.InputOffset,
        PatchLength = spec.PatchLength,
        PatchHop = spec.PatchHop,
        BatchSize = spec.BatchSize,
        InputName = spec.InputName,
        OutputName = spec.OutputName,
        Pooling = Parse<PatchPooling>(spec.Pooling, "pooling"),
    };

    /// <summary>A short hash of everything but the model, so embeddings are cached per (model, options, audio).</summary>
    public static string OptionsHash(OnnxSpec spec)
    {
        var canonical = JsonSerializer.Serialize(spec with { Model = "", ModelSha256 = null }, ResultsJson.Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }

    public static IEnumerable<string> Problems(OnnxSpec? spec)
    {
        if (spec is null)
        {
            yield return "model onnx needs an \"onnx\" section naming the exported model file (--onnx-model FILE)";
            yield break;
        }

        if (string.IsNullOrWhiteSpace(spec.Model) && spec.ModelSha256 is null)
        {
            yield return "onnx.model is required: the path of the exported .onnx file";
        }

        if (spec.ModelSha256 is { } sha && (sha.Length != 64 || !sha.All(Uri.IsHexDigit)))
        {
            yield return $"onnx.model_sha256 '{sha}' is not a SHA-256 (64 hex digits)";
        }

        string? problem = null;
        try
        {
            ToEmbedderOptions(spec).Validate();
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message.TrimEnd('.');
        }

        if (problem is not null)
        {
            yield return problem;
        }

        foreach (var (value, name) in new[] { (spec.WindowLength, "window_length"), (spec.HopLength, "hop_length"), (spec.Mels, "mels") })
        {
            if (value <= 0)
            {
                yield return $"onnx.{name} must be positive, not {value}";
            }
        }
    }

    private static T Parse<T>(string text, string field)
        where T : struct, Enum => SpecEnums.Parse<T>(text, $"onnx.{field}");
}
