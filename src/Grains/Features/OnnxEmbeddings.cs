using System.Collections.Concurrent;
using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Learning;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Features;

/// <summary>
/// A silo's ONNX embeddings of tracks: each uploaded model is loaded once per silo (by model hash and options), each
/// track's embedding cached in blob storage by (model hash, options hash, audio hash), so no silo embeds the same
/// audio twice. Inference runs under the extraction throttle, off the grain scheduler.
/// </summary>
public sealed class OnnxEmbeddings(ArtifactStore store, AudioSource audioSource, ExtractionThrottle throttle) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<Task<OnnxEmbedder>>> _embedders = new(StringComparer.Ordinal);

    public async Task<float[]> EmbedAsync(TrackExtractionRequest request, CancellationToken cancellationToken)
    {
        var spec = request.Onnx ?? throw new ArgumentException("the request asks for no ONNX embedding", nameof(request));
        var modelSha = spec.ModelSha256
            ?? throw new InvalidDataException("the spec's onnx model was never uploaded; submit it with cluster submit --onnx-model FILE");
        var optionsHash = OnnxSpecOptions.OptionsHash(spec);
        var cacheName = BlobNames.OnnxEmbedding(modelSha, optionsHash, request.AudioSha256);
        if (await store.TryReadJsonAsync<float[]>(BlobContainers.Features, cacheName, cancellationToken) is { Value: var cached })
        {
            return cached;
        }

        var embedder = await EmbedderAsync(spec, modelSha, optionsHash, cancellationToken);
        using var bytes = new MemoryStream();
        await using (var audio = await audioSource.OpenReadAsync(request.Audio, request.InPlace, cancellationToken))
        {
            await audio.CopyToAsync(bytes, cancellationToken);
        }

        var vector = await throttle.RunAsync(
            () => embedder.Embed(AudioLoader.LoadMono(bytes.GetBuffer().AsSpan(0, (int)bytes.Length), request.FileName, embedder.Options.SampleRate, minSamples: 1)),
            cancellationToken);
        // The vector travels in the extraction reply, so it must fit there like a feature vector.
        if (vector.Length * sizeof(float) > TrackFeatureResult.MaxInlineVectorBytes)
        {
            throw new InvalidDataException(
                $"the model's embedding has {vector.Length} values, more than the {TrackFeatureResult.MaxInlineVectorBytes / sizeof(float)} a reply carries; export a smaller output");
        }

        if (vector.Any(v => !float.IsFinite(v)))
        {
            throw new InvalidDataException("the model's embedding has NaN or infinite values");
        }

        await store.WriteJsonAsync(BlobContainers.Features, cacheName, vector, cancellationToken);
        return vector;
    }

    public void Dispose()
    {
        foreach (var embedder in _embedders.Values.Where(e => e.IsValueCreated && e.Value.IsCompletedSuccessfully))
        {
            embedder.Value.Result.Dispose();
        }
    }

    private async Task<OnnxEmbedder> EmbedderAsync(OnnxSpec spec, string modelSha, string optionsHash, CancellationToken cancellationToken)
    {
        var key = $"{modelSha}-{optionsHash}";
        var load = _embedders.GetOrAdd(key, _ => new Lazy<Task<OnnxEmbedder>>(() => LoadAsync(spec, modelSha)));
        try
        {
            return await load.Value.WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !(ex is InvalidDataException or ArgumentException))
        {
            // A storage hiccup is not the model's fault: the next track loads it again.
            _embedders.TryRemove(KeyValuePair.Create(key, load));
            throw;
        }
    }

    private async Task<OnnxEmbedder> LoadAsync(OnnxSpec spec, string modelSha)
    {
        BinaryData model;
        try
        {
            model = await store.DownloadAsync(BlobContainers.Models, BlobNames.OnnxModel(modelSha), CancellationToken.None);
        }
        catch (ArtifactNotFoundException)
        {
            throw new InvalidDataException($"onnx model {modelSha[..12]} is not in blob storage; submit it again with --onnx-model FILE");
        }

        var options = OnnxSpecOptions.ToEmbedderOptions(spec);
        return await Task.Run(() => new OnnxEmbedder(model.ToArray(), options));
    }
}
