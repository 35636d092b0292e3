using System.CommandLine;
using System.Globalization;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Grains.Experiments;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster experiments [--json]</c>: every experiment in storage, the most recent first.</summary>
public static class ExperimentsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the list as JSON to stdout." };
        var command = new Command("experiments", "List the experiments: id, name, dataset, stage and when they last changed.") { json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var entries = await ExperimentCatalog.ListAsync(session.Store, cancellationToken);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(entries));
                return ExitCodes.Ok;
            }

            if (entries.Count == 0)
            {
                CliContext.Status.MarkupLine("no experiments yet: `cluster submit --dataset NAME` starts one");
                return ExitCodes.Ok;
            }

            var table = new Table();
            foreach (var column in new[] { "id", "name", "dataset", "stage", "updated (UTC)", "message" })
            {
                table.AddColumn(column);
            }

            foreach (var e in entries)
            {
                table.AddRow(
                    Markup.Escape(e.Id),
                    Markup.Escape(e.Name),
                    Markup.Escape(e.Dataset ?? "-"),
                    Markup.Escape(e.Stage),
                    e.UpdatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(e.Error is null ? e.Message : $"{e.Message}: {e.Error}"));
            }

            CliContext.Status.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
