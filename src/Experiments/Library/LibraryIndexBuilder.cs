using MusicClustering.Analysis;
using MusicClustering.Contracts;

namespace MusicClustering.Experiments.Library;

/// <summary>Builds an experiment's <see cref="LibraryIndex"/> and its space from what the analysis produced.</summary>
public static class LibraryIndexBuilder
{
    /// <param name="featureRows">The raw track vectors, one row per clustered track, in <paramref name="input"/>'s order.</param>
    /// <param name="tracks">The manifest's tracks (paths, tags), by id.</param>
    public static (LibraryIndex Index, double[][] Space) Build(
        string experimentId, AnalysisInput input, AnalysisOutput analysis, double[][] featureRows, IReadOnlyDictionary<string, ManifestTrack> tracks)
    {
        var spec = input.Spec;
        var config = Audio.FeatureConfig.Parse(spec.FeatureConfig);
        // A reused model keeps the earlier index's scaler and projection, so new files land where its tracks did.
        var reused = input.Reused is { } model && model.Built(analysis.PrimaryRepresentation) ? model.Index : null;
        var scaler = reused?.Scaler ?? BlockScaler.Fit(featureRows, config.BlockLengths);
        var columns = FeatureColumns.For(spec.FeatureConfig, featureRows[0].Length);
        var representation = analysis.PrimaryRepresentation;
        var space = representation.Rows;
        var ids = input.TrackIds;
        var clusters = ids.Select(id => analysis.Assignments[id]).ToList();
        var zScores = featureRows.Select(row => Enumerable.Range(0, row.Length).Select(j => scaler.ZScore(j, row[j])).ToArray()).ToArray();
        var libraryTracks = ids.Select((id, i) =>
        {
            tracks.TryGetValue(id, out var track);
            return new LibraryTrack(id, track?.DisplayName ?? id, clusters[i], track?.Tags);
        }).ToList();
        var index = new LibraryIndex(
            experimentId,
            spec.Dataset,
            spec.FeatureConfig,
            reused?.Representation ?? representation.Plan.Spec.Label,
            analysis.Primary.Fusion,
            analysis.Primary.Algorithm,
            columns,
            scaler,
            reused?.Projection ?? Projection(representation, featureRows, scaler),
            libraryTracks,
            ClusterProfiles.Build(ids, clusters, space, zScores, columns));
        return (index, space);
    }

    private static SpaceProjection Projection(BuiltRepresentation representation, double[][] featureRows, BlockScaler scaler)
    {
        var model = representation.Plan.Spec.Model;
        switch (model)
        {
            case RepresentationModels.Pca:
                // The same fit UntrainedRepresentations made (PCA is deterministic), kept so new tracks can be projected.
                var standardised = featureRows.Select(scaler.Transform).ToArray();
                var pca = new Pca(representation.Rows[0].Length).Fit(standardised);
                return new SpaceProjection(model, PcaMean: pca.Mean, PcaComponents: pca.Components);
            case RepresentationModels.Vae or RepresentationModels.BetaVae or PatchRepresentationModels.ConvVae or PatchRepresentationModels.Contrastive:
                return new SpaceProjection(model, ModelBlob: representation.Blobs.GetValueOrDefault("model"));
            default:
                return new SpaceProjection(model);
        }
    }
}
