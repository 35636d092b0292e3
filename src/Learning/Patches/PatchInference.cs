using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>Streams a source's patches on a regular grid through a network without gradients.</summary>
internal static class PatchInference
{
    private const int BatchPatches = 64;

    /// <summary>Calls <paramref name="consume"/> with each batch and its per-patch outputs [count × width], row-major.</summary>
    public static void Map(
        IPatchSource source, PatchModelOptions options, Device device, Func<Tensor, Tensor> map, Action<PatchBatch, float[]> consume,
        CancellationToken cancellationToken)
    {
        var plan = PatchPlan.Grid(source.TrackFrames, options.PatchFrames, options.EffectiveEmbedHop, BatchPatches);
        using var noGrad = no_grad();
        foreach (var batch in source.Read(plan, options.PatchFrames, cancellationToken))
        {
            using var scope = NewDisposeScope();
            var patches = ToTensor(batch, device);
            consume(batch, map(patches).cpu().data<float>().ToArray());
        }
    }

    /// <summary>Pooled track embeddings, tracks × TrackEmbeddingDim.</summary>
    public static float[] EmbedTracks(PatchNetwork network, IPatchSource source, Device device, CancellationToken cancellationToken)
    {
        var options = network.Options;
        var pooling = new TrackPooling(source.TrackFrames.Count, options.EmbeddingDim, options.Pooling);
        network.Module.eval();
        Map(source, options, device, network.Embed, (batch, output) =>
        {
            for (var i = 0; i < batch.Count; i++)
            {
                pooling.Add(batch.Refs[i].Track, output.AsSpan(i * options.EmbeddingDim, options.EmbeddingDim));
            }
        }, cancellationToken);
        return pooling.Result();
    }

    public static Tensor ToTensor(PatchBatch batch, Device device)
    {
        batch.Validate();
        return tensor(batch.Values, [batch.Count, 1, batch.Bands, batch.Frames]).to(device);
    }
}
