using System.Security.Cryptography;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Client.Commands;

/// <summary>
/// The user's ONNX model for <c>--model onnx</c>: checked here (the file exists and ONNX Runtime loads it with the
/// spec's options), so a bad file is one line before anything starts, then uploaded content-addressed
/// (<c>models/onnx/{sha256}.onnx</c>); the spec sent to the cluster names the hash, never a client path.
/// </summary>
public sealed class OnnxModelUpload
{
    private readonly byte[] _model;
    private readonly string _sha256;

    private OnnxModelUpload(byte[] model, string sha256)
    {
        _model = model;
        _sha256 = sha256;
    }

    /// <summary>Null when the spec embeds with no onnx model, or names one already uploaded.</summary>
    public static OnnxModelUpload? Prepare(ExperimentSpec spec)
    {
        if (OnnxRepresentation.Requested(spec) is not { ModelSha256: null } onnx)
        {
            return null;
        }

        if (!File.Exists(onnx.Model))
        {
            throw new UserErrorException($"onnx model file '{onnx.Model}' does not exist; give the path of an exported .onnx model (--onnx-model FILE).");
        }

        var model = File.ReadAllBytes(onnx.Model);
        try
        {
            using var embedder = new OnnxEmbedder(model, OnnxSpecOptions.ToEmbedderOptions(onnx));
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            throw new UserErrorException($"onnx model file '{onnx.Model}' cannot be used: {ex.Message}");
        }

        return new OnnxModelUpload(model, Convert.ToHexStringLower(SHA256.HashData(model)));
    }

    /// <summary>Uploads the model (once per content) and returns the spec naming it by hash and file name.</summary>
    public async Task<ExperimentSpec> UploadAsync(ArtifactStore store, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        await store.UploadIfAbsentAsync(BlobContainers.Models, BlobNames.OnnxModel(_sha256), BinaryData.FromBytes(_model), cancellationToken);
        return spec with
        {
            Representations = [.. spec.EffectiveRepresentations.Select(r => r.Onnx is { } onnx
                ? r with { Onnx = onnx with { Model = Path.GetFileName(onnx.Model), ModelSha256 = _sha256 } }
                : r)],
        };
    }
}
