using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;
using MusicClustering.Experiments.Report;
using MusicClustering.Experiments.Tests.Library;

namespace MusicClustering.Experiments.Tests.Report;

/// <summary>A real (in-process) evaluation of a small table and the library its report shows, one track with a hostile name.</summary>
internal static class ReportFixtures
{
    public const string HostilePath = "evil/</script><img src=x onerror=alert(1)>.mp3";

    public static (ExperimentResults Results, ReportLibrary Library) Evaluate(
        int groups = 3, int perGroup = 6, bool tsne = true, IReadOnlyDictionary<string, string>? audioUrls = null)
    {
        var rows = LibraryFixtures.Rows(groups, perGroup, 4);
        var ids = Enumerable.Range(0, rows.Length).Select(i => $"t{i:D2}").ToList();
        var columns = Enumerable.Range(0, rows[0].Length).Select(j => $"c{j}").ToList();
        var table = new FeatureTable(ids, ids.Select(_ => (string?)null).ToList(), columns, rows.SelectMany(r => r.Select(v => (float)v)).ToArray());
        var spec = new ExperimentSpec("report", "data", Representations: [new RepresentationSpec(RepresentationModels.None)], K: groups, Tsne: tsne);
        var (results, analysis) = TableEvaluation.Run(table, spec, CancellationToken.None);

        var clusters = ids.Select(id => analysis.Assignments[id]).ToList();
        var tracks = ids.Select((id, i) => new LibraryTrack(
            id,
            i == 0 ? HostilePath : $"genre{i / perGroup}/{id}.mp3",
            clusters[i],
            i % 2 == 0 ? new TrackTags($"Song <b>{id}</b>", "Band & Co") : null)).ToList();
        var scaler = BlockScaler.Fit(rows, null);
        var zScores = rows.Select(row => row.Select((value, j) => scaler.ZScore(j, value)).ToArray()).ToArray();
        var index = new LibraryIndex(
            spec.Name, spec.Dataset, spec.FeatureConfig, "none", Fusions.Audio, "kmeans", columns,
            scaler, new SpaceProjection(RepresentationModels.None), tracks,
            ClusterProfiles.Build(ids, clusters, rows, zScores, columns));
        return (results, new ReportLibrary(index, analysis.TsneEmbedding, audioUrls));
    }
}
