using MusicClustering.Audio;
using MusicClustering.Contracts;
using MusicClustering.Learning;

namespace MusicClustering.Experiments.Library;

/// <summary>
/// Carries a new file into an experiment's primary space: its raw track vector through the stored scaler and model,
/// or, for a patch model's space, its log-mel through the stored encoder, computed as the silos computed the tracks'.
/// </summary>
public sealed class SpaceProjector : IDisposable
{
    private readonly LibraryIndex _index;
    private readonly VaeModelFile? _vae;
    private readonly PatchModelFile? _patches;

    private SpaceProjector(LibraryIndex index, VaeModelFile? vae, PatchModelFile? patches)
    {
        _index = index;
        _vae = vae;
        _patches = patches;
    }

    /// <summary>Whether new tracks can be placed in a space built by <paramref name="model"/> (t-SNE has no out-of-sample map).</summary>
    public static bool CanProject(SpaceProjection projection) => projection.Model switch
    {
        RepresentationModels.None => true,
        RepresentationModels.Pca => projection.PcaComponents is not null,
        RepresentationModels.Vae or RepresentationModels.BetaVae => projection.ModelBlob is not null,
        var model => PatchRepresentationModels.Contains(model) && projection.ModelBlob is not null,
    };

    /// <param name="modelBytes">The stored model (<see cref="SpaceProjection.ModelBlob"/>) for VAE and patch-model spaces, else null.</param>
    public static SpaceProjector Create(LibraryIndex index, byte[]? modelBytes) => modelBytes switch
    {
        null => new(index, null, null),
        _ when PatchRepresentationModels.Contains(index.Projection.Model) => new(index, null, PatchModelFile.Load(modelBytes)),
        _ => new(index, VaeModelFile.Load(modelBytes), null),
    };

    /// <summary>
    /// A new audio file's vector in the space. Blocking (decoding and analysis): run it off the caller's thread. Throws
    /// <see cref="AudioFormatException"/> for a file that cannot be read.
    /// </summary>
    public double[] ProjectFile(string path, CancellationToken cancellationToken)
    {
        if (_patches is null)
        {
            return Project(TrackAnalyzer.AnalyzeFile(path, FeatureConfig.Parse(_index.FeatureConfig), cancellationToken).Vector);
        }

        using var audio = File.OpenRead(path);
        var logMel = TrackLogMel.Compute(audio, Path.GetFileName(path), cancellationToken);
        return Array.ConvertAll(_patches.Embed(new InMemoryPatchSource([logMel]), cancellationToken), v => (double)v);
    }

    /// <summary>A raw track vector (the experiment's feature config) in the space; not for patch-model spaces.</summary>
    public double[] Project(float[] raw)
    {
        var projection = _index.Projection;
        if (_patches is not null)
        {
            throw new InvalidOperationException($"a '{projection.Model}' space places audio, not feature vectors: use ProjectFile");
        }

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

    public void Dispose()
    {
        _vae?.Dispose();
        _patches?.Dispose();
    }
}
