using System.CommandLine;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Library;

/// <summary><c>cluster tracks DATASET [--json]</c>: a dataset's tracks with their paths, labels and tags.</summary>
public static class TracksCommand
{
    public static Command Create()
    {
        var dataset = new Argument<string>("dataset") { Description = "Dataset name (see `cluster datasets`)." };
        var json = new Option<bool>("--json") { Description = "Print {dataset, tracks: [{track, path, label, sha256, bytes, tags}]} to stdout." };
        var command = new Command("tracks", "List a dataset's tracks: id, path, label and tags.") { dataset, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var name = Names.Dataset(parseResult.GetValue(dataset)!);
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var summary = await session.Client.GetGrain<IDatasetGrain>(name).GetSummaryAsync(cancellationToken)
                ?? throw new UserErrorException($"dataset '{name}' does not exist; `cluster datasets` lists them");
            var manifest = await session.Store.ReadJsonAsync<DatasetManifest>(summary.Manifest, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(new
                {
                    dataset = name,
                    tracks = manifest.Tracks.Select(t => new { track = t.Id, path = t.DisplayName, label = t.Label, sha256 = t.Sha256, bytes = t.Bytes, tags = t.Tags }),
                }));
                return ExitCodes.Ok;
            }

            var table = new Table().Title($"[bold]{Markup.Escape(name)}[/]: {manifest.Tracks.Count} tracks");
            foreach (var column in new[] { "track", "path", "label", "artist - title", "album", "genre", "year" })
            {
                table.AddColumn(column);
            }

            foreach (var t in manifest.Tracks)
            {
                table.AddRow(
                    Markup.Escape(t.Id), Markup.Escape(t.DisplayName), Markup.Escape(t.Label ?? ""), Markup.Escape(t.Tags?.Display ?? ""),
                    Markup.Escape(t.Tags?.Album ?? ""), Markup.Escape(t.Tags?.Genre ?? ""), t.Tags?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
            }

            CliContext.Status.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
