using MusicClustering.Audio;
using MusicClustering.Client.Ingest;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>Generates a synthetic corpus and ingests it through the console's ingestor (blob uploads + DatasetGrain).</summary>
internal static class TestCorpus
{
    public static async Task<int> IngestAsync(ReliabilityCluster cluster, string dataset, SyntheticCorpusOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("mc-rel-corpus-").FullName;
        try
        {
            SyntheticCorpus.Generate(options, folder);
            var tracks = DatasetScanner.Scan(folder);
            var report = await new DatasetIngestor(cluster.Store, cluster.Client).IngestAsync(dataset, tracks, null, null, CancellationToken.None);
            return report.Tracks;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
