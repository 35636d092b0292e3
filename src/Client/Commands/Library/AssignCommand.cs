using System.CommandLine;
using System.Globalization;
using MusicClustering.Audio;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Library;

/// <summary>
/// <c>cluster assign --experiment ID FILE... [--json]</c>: places new files into an existing clustering with the stored
/// scaler and model, without retraining: each file's features (or log-mel, for a patch model) are computed here, carried into the primary space and
/// given the cluster of the nearest centroid. A file that can't be read fails alone, with its reason.
/// </summary>
public static class AssignCommand
{
    private const int Neighbours = 5;

    public static Command Create()
    {
        var experiment = ExperimentLibrary.ExperimentOption();
        var files = new Argument<string[]>("files") { Description = "Audio files to place.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print {assignments: [{file, cluster, neighbours}]} to stdout." };
        var command = new Command("assign", "Place new files into an experiment's clusters, without retraining.") { experiment, files, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var paths = parseResult.GetValue(files)!;
            foreach (var missing in paths.Where(p => !File.Exists(p)))
            {
                throw new UserErrorException($"no file '{missing}'");
            }

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var (index, space) = await ExperimentLibrary.LoadAsync(session, parseResult.GetValue(experiment)!, cancellationToken);
            if (!SpaceProjector.CanProject(index.Projection))
            {
                throw new UserErrorException(
                    $"experiment '{index.Experiment}' clusters a '{index.Projection.Model}' space, which has no map for new tracks; use --model none, pca, vae, conv-vae or contrastive");
            }

            using var projector = SpaceProjector.Create(index, await LibraryStore.ReadModelAsync(session.Store, index, cancellationToken));
            using var neighbours = new LibraryNeighbours(index, space);
            var assignments = new List<object>();
            var failed = new List<object>();
            var table = new Table().Title($"new tracks in [bold]{Markup.Escape(index.Experiment)}[/]");
            table.AddColumn("file");
            table.AddColumn("cluster");
            table.AddColumn("nearest tracks");
            foreach (var path in paths)
            {
                double[] placed;
                try
                {
                    placed = await Task.Run(() => projector.ProjectFile(path, cancellationToken), cancellationToken);
                }
                catch (AudioFormatException e)
                {
                    CliContext.Status.MarkupLine($"[yellow]failed[/] {Markup.Escape(path)}: {Markup.Escape(e.Reason)}: {Markup.Escape(e.Message)}");
                    failed.Add(new { file = path, reason = e.Reason, message = e.Message });
                    continue;
                }

                var (cluster, near) = neighbours.Place(placed, Neighbours);
                assignments.Add(new { file = path, cluster, neighbours = near.Select(ExperimentLibrary.Json) });
                table.AddRow(
                    Markup.Escape(path),
                    cluster.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(string.Join(", ", near.Take(3).Select(n => n.Path))));
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(new { assignments, failed }));
            }
            else
            {
                CliContext.Status.Write(table);
            }

            return assignments.Count > 0 ? ExitCodes.Ok : ExitCodes.Failed;
        });
        return command;
    }
}
