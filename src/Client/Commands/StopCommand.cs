using System.CommandLine;
using MusicClustering.Storage;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary><c>cluster stop</c>: stops the local Azurite that embedded mode left running for the next commands.</summary>
public static class StopCommand
{
    public static Command Create()
    {
        var command = new Command("stop", "Stop the local Azurite that embedded mode keeps running between commands.");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var settings = CliContext.Settings(parseResult);
            var port = await DetachedAzurite.StopAsync(settings.AzuriteLocation, TimeSpan.FromSeconds(10));
            CliContext.Status.MarkupLine(port is { } stopped
                ? $"stopped Azurite on 127.0.0.1:{stopped}"
                : $"no Azurite was left running from {Markup.Escape(settings.AzuriteLocation)}");
            return 0;
        });
        return command;
    }
}
