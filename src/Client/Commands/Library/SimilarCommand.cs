using System.CommandLine;
using System.Globalization;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Library;

/// <summary><c>cluster similar --experiment ID --track TRACK [--n 10] [--json]</c>: a track's nearest tracks in the primary space.</summary>
public static class SimilarCommand
{
    public static Command Create()
    {
        var experiment = ExperimentLibrary.ExperimentOption();
        var track = new Option<string>("--track") { Description = "Track id, path as ingested, or file name.", Required = true };
        var count = new Option<int>("--n") { Description = "How many neighbours.", DefaultValueFactory = _ => 10 };
        var json = new Option<bool>("--json") { Description = "Print {track, neighbours: [{track, distance, path}]} to stdout." };
        var artistFilter = new Option<bool>("--artist-filter") { Description = "Leave out tracks by the query's artist (its artist tag), as music-similarity evaluation does; --json adds excluded_same_artist." };
        var command = new Command("similar", "The tracks nearest to one track, in the experiment's primary representation.") { experiment, track, count, json, artistFilter };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var n = parseResult.GetValue(count);
            if (n < 1)
            {
                throw new UserErrorException($"--n must be at least 1, not {n}");
            }

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var (index, space) = await ExperimentLibrary.LoadAsync(session, parseResult.GetValue(experiment)!, cancellationToken);
            var name = parseResult.GetValue(track)!;
            var row = index.Find(name) ?? throw new UserErrorException(
                $"no track '{name}' in experiment '{index.Experiment}' (or several match); give its id or its path as ingested");
            using var neighbours = new LibraryNeighbours(index, space);
            var filtered = parseResult.GetValue(artistFilter);
            var (found, excluded) = filtered ? neighbours.SimilarByOtherArtists(row, n) : (neighbours.Similar(row, n), 0);
            if (parseResult.GetValue(json))
            {
                var neighboursJson = found.Select(ExperimentLibrary.Json);
                Console.WriteLine(filtered
                    ? ResultsJson.Serialize(new { track = index.Tracks[row].Track, neighbours = neighboursJson, excluded_same_artist = excluded })
                    : ResultsJson.Serialize(new { track = index.Tracks[row].Track, neighbours = neighboursJson }));
                return ExitCodes.Ok;
            }

            if (filtered)
            {
                CliContext.Status.MarkupLine($"[grey]artist filter: {excluded} nearer tracks by the same artist left out[/]");
            }

            var table = new Table().Title($"tracks like [bold]{Markup.Escape(index.Tracks[row].Path)}[/]");
            table.AddColumn("track");
            table.AddColumn("path");
            table.AddColumn("distance");
            foreach (var neighbour in found)
            {
                table.AddRow(Markup.Escape(neighbour.Track), Markup.Escape(neighbour.Path), neighbour.Distance.ToString("F4", CultureInfo.InvariantCulture));
            }

            CliContext.Status.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
