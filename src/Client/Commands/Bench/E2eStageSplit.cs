using MusicClustering.Contracts;
using MusicClustering.Experiments;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>Splits an experiment's <c>timings_s</c> (and its rows' clustering and t-SNE seconds) into benchmark stages.</summary>
public static class E2eStageSplit
{
    public static E2eStages From(ExperimentResults results, double ingestSeconds, double clientTotalSeconds)
    {
        var t = results.TimingsSeconds;
        double Get(string key) => t.TryGetValue(key, out var value) ? value : 0;

        // The feature stage is everything up to a matrix in blob storage: grain fan-out, then gathering the vectors.
        var features = Get("features") + Get("assemble");
        var cluster = results.Rows.Sum(r => r.Seconds);
        var tsne = results.Tsne?.Seconds ?? 0;
        var metrics = Math.Max(0, Get("analysis") - cluster - tsne);
        var report = Math.Max(0, clientTotalSeconds - Get("total"));
        return new E2eStages(ingestSeconds, features, Get("train"), cluster, metrics, tsne, report, clientTotalSeconds);
    }
}
