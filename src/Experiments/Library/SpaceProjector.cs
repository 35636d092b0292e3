using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Experiments.Library;

/// <summary>Carries a new file's raw track vector into an experiment's primary space with the stored scaler and model.</summary>
public sealed class SpaceProjector : IDisposable
{
    private readonly LibraryIndex _index;
    private readonly VaeModelFile? _vae;

    private SpaceProjector(LibraryIndex index, VaeModelFile? vae)
    {
        _index = index;
        _vae = vae;
    }

    /// <summary>Whether new tracks can be placed in a space built by <paramref name="model"/> (t-SNE has no out-of-sample map).</summary>
    public static bool CanProject(SpaceProjection projection) => projection.Model switch
    {
        RepresentationModels.None => true,
        RepresentationModels.Pca => projection.PcaComponents is not null,
        RepresentationModels.Vae or RepresentationModels.BetaVae => projection.ModelBlob is not null,
        _ => false,
    };

    /// <param name="modelBytes">The stored VAE (<see cref="SpaceProjection.ModelBlob"/>) for VAE spaces, else null.</param>
    public static SpaceProjector Create(LibraryIndex index, byte[]? modelBytes) =>
        new(index, modelBytes is null ? null : VaeModelFile.Load(modelBytes));

    public double[] Project(float[] raw)
    {
        var projection = _index.Projection;
        if (_vae is not null)
        {
            return Array.ConvertAll(_vae.Encode(raw), v => (double)v);
        }

        var standardised = _index.Scaler.Transform(Array.ConvertAll(raw, v => (double)v));
        if (projection.Model == RepresentationModels.None)
        {
            return standardised;
        }

        if (projection is { PcaMean: { } mean, PcaComponents: { } components })
        {
            return components.Select(c => Enumerable.Range(0, mean.Length).Sum(j => (standardised[j] - mean[j]) * c[j])).ToArray();
        }

        throw new InvalidOperationException($"new tracks cannot be placed in a '{projection.Model}' space");
    }

    public void Dispose() => _vae?.Dispose();
}
