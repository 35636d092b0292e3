using System.Text;

namespace MusicClustering.Analysis.Evaluation;

/// <summary>What each metric of the comparison means, in plain words, for a reader who is not a statistician.</summary>
public static partial class HtmlReport
{
    private static readonly (string Metric, string Meaning, Func<ClusteringMetrics, double?> Value)[] Explanations =
    [
        ("Silhouette", "From −1 to 1, higher is better: how much nearer each track is to the tracks of its own cluster than to "
            + "those of the next nearest cluster. Near 0 the clusters touch; below 0 tracks sit nearer another cluster.", m => m.Silhouette),
        ("Calinski–Harabasz", "Higher is better, with no upper bound: how far apart the cluster centres are compared with how "
            + "spread out each cluster is. Compare it only between rows of the same dataset.", m => m.CalinskiHarabasz),
        ("Davies–Bouldin", "0 or more, lower is better: on average, how much each cluster overlaps the cluster most like it "
            + "(their widths over the distance between their centres). 0 would be clusters that do not overlap at all.", m => m.DaviesBouldin),
        ("ARI", "From about 0 to 1: how often two tracks that share a label also share a cluster (and two that do not, do not), "
            + "corrected for chance. 0 is what random clusters score, 1 is clusters identical to the labels.", m => m.Ari),
        ("NMI", "From 0 to 1: how much knowing a track's cluster tells you about its label. 0 is nothing, 1 is everything.", m => m.Nmi),
        ("Accuracy", "From 0 to 1: the share of tracks whose cluster, each matched to one label (the best one-to-one matching), "
            + "names their label.", m => m.Accuracy),
        ("Purity", "From 0 to 1: the share of tracks that belong to their cluster's most common label. More clusters always "
            + "raise it, so read it beside NMI and ARI.", m => m.Purity),
    ];

    private const string BaselineMeaning = "Rows marked (baseline) cluster a simple representation of the same tracks (the "
        + "standardised features, or their PCA) with k-means: a learned representation is worth its training only where it beats them.";

    private static void WriteMetricExplanations(StringBuilder html, IReadOnlyList<MetricRow> rows)
    {
        // The label metrics are explained only where there are labels to score against.
        var shown = Explanations.Where(e => rows.Any(r => e.Value(r.Metrics) is not null)).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        html.AppendLine("<h3>What the metrics mean</h3>");
        html.AppendLine("<dl class=\"explain\">");
        foreach (var (metric, meaning, _) in shown)
        {
            html.AppendLine($"<dt>{E(metric)}</dt><dd>{E(meaning)}</dd>");
        }

        if (rows.Any(r => r.Baseline))
        {
            html.AppendLine($"<dt>Baselines</dt><dd>{E(BaselineMeaning)}</dd>");
        }

        html.AppendLine("</dl>");
    }
}
