using MusicClustering.Contracts;

namespace MusicClustering.Experiments;

/// <summary>
/// Reads <c>--onnx-options FILE.json</c>: the spec's <c>onnx</c> section (snake_case, e.g. <c>sample_rate</c>)
/// without the model, which <c>--onnx-model</c> names, with the experiment spec's checks (<see cref="StrictJson"/>):
/// unknown fields with the likely one meant, wrong types with what was expected.
/// </summary>
public static class OnnxSpecJson
{
    public static OnnxSpec Build(string modelPath, string? optionsPath)
    {
        if (optionsPath is null)
        {
            return new OnnxSpec(modelPath);
        }

        if (!File.Exists(optionsPath))
        {
            throw new ArgumentException($"onnx options file '{optionsPath}' does not exist.");
        }

        return StrictJson.Parse<OnnxSpec>(File.ReadAllText(optionsPath), optionsPath, "onnx options") with { Model = modelPath };
    }
}
