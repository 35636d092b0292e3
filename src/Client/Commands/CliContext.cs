using System.CommandLine;
using Microsoft.Extensions.Configuration;
using MusicClustering.Client.Connection;
using Spectre.Console;

namespace MusicClustering.Client.Commands;

/// <summary>What every command shares: configuration, the connection options and the two consoles.</summary>
public static class CliContext
{
    public static readonly Option<string?> Gateway = new("--gateway")
    {
        Description = "host:port of a cluster gateway. Without it (and without CLUSTER_GATEWAY) the console runs an embedded silo.",
        Recursive = true,
    };

    /// <summary>Human output. Goes to stderr so that stdout carries only machine-readable results.</summary>
    public static IAnsiConsole Status { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>Tables for people on stdout; wide enough not to squash them when stdout is not a terminal.</summary>
    public static IAnsiConsole Output { get; } = CreateOutput();

    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    private static IAnsiConsole CreateOutput()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200;
        }

        return console;
    }

    public static ClientSettings Settings(ParseResult parseResult) =>
        ClientSettings.Resolve(Configuration, parseResult.GetValue(Gateway));

    public static async Task<ClusterSession> OpenSessionAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = Settings(parseResult);
        Status.MarkupLine(settings.IsEmbedded
            ? "[grey]embedded mode: in-process silo, local Azurite[/]"
            : $"[grey]cluster at {Markup.Escape(settings.Gateway!)}[/]");
        return await ClusterSession.OpenAsync(settings, cancellationToken);
    }
}
