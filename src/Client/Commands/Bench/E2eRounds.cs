using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MusicClustering.Client.Commands.Bench.SideBySide;
using MusicClustering.Contracts;
using Spectre.Console;

namespace MusicClustering.Client.Commands.Bench;

/// <summary>
/// <c>bench e2e --rounds N</c>: each round is this command again with <c>--rounds 1 --json</c>, in a fresh process, so
/// every round starts as cold as the first (JIT, caches, a new Azurite) and runs its Python pipeline right after. The
/// printed report is the round with the median ratio (<see cref="SideBySideRounds"/>), with every round listed in
/// <c>rounds</c>.
/// </summary>
public static class E2eRounds
{
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> arguments, int rounds, string? audioFolder, bool json, Action<string> log, CancellationToken cancellationToken)
    {
        var reports = new List<JsonObject>();
        for (var round = 1; round <= rounds; round++)
        {
            log($"round {round} of {rounds}");
            var (exitCode, stdout) = await RunRoundAsync(ChildArguments(arguments, audioFolder), cancellationToken);
            if (exitCode != 0)
            {
                return exitCode;
            }

            reports.Add(JsonNode.Parse(stdout)?.AsObject() ?? throw new InvalidOperationException("a benchmark round printed no JSON"));
        }

        var timings = reports.Select(Timing).ToList();
        var median = reports[SideBySideRounds.MedianIndex(timings)];
        median["rounds"] = JsonNode.Parse(ResultsJson.Serialize(timings.Select(SideBySideRound.Of).ToList()));
        if (json)
        {
            Console.WriteLine(median.ToJsonString(ResultsJson.Options));
        }
        else
        {
            foreach (var (timing, index) in timings.Select((t, i) => (t, i + 1)))
            {
                CliContext.Status.MarkupLine(Markup.Escape($"round {index}: {timing.Describe()}"));
            }

            CliContext.Status.MarkupLine(Markup.Escape($"median round: {Timing(median).Describe()}"));
        }

        return 0;
    }

    /// <summary>The command line of one round: the same options, one round, JSON, and the folder instead of --generate.</summary>
    public static IReadOnlyList<string> ChildArguments(IReadOnlyList<string> arguments, string? audioFolder)
    {
        var kept = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var name = arguments[i].Split('=')[0];
            var valued = name is "--rounds" || (audioFolder is not null && name is "--generate" or "--seed");
            if (valued || (name == "--json"))
            {
                if (valued && !arguments[i].Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            kept.Add(arguments[i]);
        }

        return [.. kept, .. audioFolder is null ? Array.Empty<string>() : ["--audio", audioFolder], "--rounds", "1", "--json"];
    }

    // A round's report carries the side-by-side fields at its top level, under the names SideBySideTiming writes.
    private static SideBySideTiming Timing(JsonObject report) =>
        report.Deserialize<SideBySideTiming>(ResultsJson.Options) ?? throw new InvalidOperationException("a benchmark round printed no timing");

    private static async Task<(int ExitCode, string Stdout)> RunRoundAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // Run as `dotnet cluster.dll`: the child needs the assembly first.
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start a benchmark round");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout);
    }
}
