using System.CommandLine;
using System.Globalization;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Storage;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Library;

/// <summary><c>cluster datasets [--json]</c>: every stored dataset, with its size and version.</summary>
public static class DatasetsCommand
{
    private const string ManifestSuffix = "/manifest.json";

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print {datasets: [{name, tracks, labelled, version, updated}]} to stdout." };
        var command = new Command("datasets", "List the stored datasets.") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var summaries = new List<DatasetSummary>();
            await foreach (var name in session.Store.ListAsync(BlobContainers.Datasets, "", cancellationToken))
            {
                if (name.EndsWith(ManifestSuffix, StringComparison.Ordinal)
                    && await session.Client.GetGrain<IDatasetGrain>(name[..^ManifestSuffix.Length]).GetSummaryAsync(cancellationToken) is { } summary)
                {
                    summaries.Add(summary);
                }
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(new
                {
                    datasets = summaries.Select(s => new { name = s.Name, tracks = s.Tracks, labelled = s.LabelledTracks, version = s.Version, updated = s.CommittedAt }),
                }));
                return ExitCodes.Ok;
            }

            var table = new Table();
            foreach (var column in new[] { "dataset", "tracks", "labelled", "version", "updated (UTC)" })
            {
                table.AddColumn(column);
            }

            foreach (var s in summaries)
            {
                table.AddRow(
                    Markup.Escape(s.Name), $"{s.Tracks}", $"{s.LabelledTracks}", Markup.Escape(s.Version),
                    s.CommittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            }

            CliContext.Status.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
