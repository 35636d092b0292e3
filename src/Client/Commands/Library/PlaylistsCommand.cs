using System.CommandLine;
using System.Text;
using MusicClustering.Client.Errors;
using MusicClustering.Contracts;
using MusicClustering.Experiments.Library;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Library;

/// <summary><c>cluster playlists --experiment ID --out DIR [--json]</c>: one .m3u8 per cluster, covering every track once.</summary>
public static class PlaylistsCommand
{
    public static Command Create()
    {
        var experiment = ExperimentLibrary.ExperimentOption();
        var output = new Option<string>("--out") { Description = "Folder for the playlists (created when missing).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {playlists: [{file, cluster, tracks}]} to stdout." };
        var command = new Command("playlists", "Write one .m3u8 playlist per cluster, ordered as a smooth path.") { experiment, output, json };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var folder = parseResult.GetValue(output)!;
            if (File.Exists(folder))
            {
                throw new UserErrorException($"--out '{folder}' is a file; give a folder (it is created when missing).");
            }

            await using var session = await CliContext.OpenSessionAsync(parseResult, cancellationToken);
            var (index, space) = await ExperimentLibrary.LoadAsync(session, parseResult.GetValue(experiment)!, cancellationToken);
            Directory.CreateDirectory(folder);
            var playlists = Playlists.Build(index, space);
            foreach (var playlist in playlists)
            {
                await File.WriteAllTextAsync(Path.Combine(folder, playlist.File), Playlists.M3u8(playlist), new UTF8Encoding(false), cancellationToken);
                CliContext.Status.MarkupLine($"[green]wrote[/] {Markup.Escape(playlist.File)}: {playlist.Tracks.Count} tracks");
            }

            if (parseResult.GetValue(json))
            {
                Console.WriteLine(ResultsJson.Serialize(new
                {
                    playlists = playlists.Select(p => new { file = p.File, cluster = p.Cluster, tracks = p.Tracks.Select(t => t.Path) }),
                }));
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
