using MusicClustering.Contracts;
using MusicClustering.Experiments;
using MusicClustering.Experiments.Library;
using MusicClustering.Storage;

namespace MusicClustering.Grains.Experiments;

/// <summary>
/// Reads the model an update reuses (<c>update_model: reuse</c>): the earlier experiment's library index and, for a
/// VAE space, its model blob. Anything that cannot be reused is refused with one line before work starts.
/// </summary>
internal static class ReusedModelLoader
{
    public static async Task<ReusedModel> LoadAsync(ArtifactStore store, ExperimentSpec spec, CancellationToken cancellationToken)
    {
        var from = spec.UpdateFrom ?? throw new InvalidOperationException("the spec updates no experiment");
        var index = await LibraryStore.ReadIndexAsync(store, new ExperimentBlobs(from), cancellationToken)
            ?? throw new ArgumentException($"--update-from '{from}' has no library index (it ran before experiments kept their model for reuse); refit instead (--update-model refit)");
        return ReusedModel.Create(from, index, await LibraryStore.ReadModelAsync(store, index, cancellationToken), spec.FeatureConfig, spec.EffectiveSeeds[0]);
    }
}
