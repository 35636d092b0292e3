using System.CommandLine;
using Microsoft.Extensions.Configuration;
using MusicClustering.Client.Connection;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>What every command shares: configuration, the connection options and the console people read.</summary>
public static class CliContext
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = "host:port of a cluster gateway. Without it (and without CLUSTER_GATEWAY) the console runs an embedded silo.",
        Recursive = true,
    };

    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show stack traces, full log entries and start-up timings.",
        Recursive = true,
    };

    /// <summary>
    /// Human output, tables included. Goes to stderr so that stdout carries only machine-readable results (JSON, ids);
    /// when stderr is not a terminal, wide enough that no line is wrapped (scripts and logs read one line per message).
    /// </summary>
    public static IAnsiConsole Status { get; } = CreateStatus();

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static IAnsiConsole CreateStatus()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        if (Console.IsErrorRedirected)
        {
            console.Profile.Width = 4000;
        }

        return console;
    }

    public static ClientSettings Settings(ParseResult parseResult) =>
        ClientSettings.Resolve(Configuration, parseResult.GetValue(Gateway)) with { Verbose = parseResult.GetValue(Verbose) };

    public static async Task<ClusterSession> OpenSessionAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = Settings(parseResult);
        Status.MarkupLine(settings.IsEmbedded
            ? "[grey]embedded mode: in-process silo, local Azurite[/]"
            : $"[grey]cluster at {Markup.Escape(settings.Gateway!)}[/]");
        var session = await ClusterSession.OpenAsync(settings, cancellationToken);
        if (session.StartedDetachedAzurite)
        {
            Status.MarkupLine(
                $"[grey]started Azurite on 127.0.0.1:{settings.AzuritePort} (data in {Markup.Escape(settings.AzuriteLocation)}); "
                + "it keeps running so the next commands start at once: `cluster stop` stops it[/]");
        }
        if (settings.Verbose)
        {
            Status.MarkupLine($"[grey]start-up: {Markup.Escape(session.StartupTimings)}[/]");
        }

        return session;
    }
}
