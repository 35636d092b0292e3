using System.CommandLine;

namespace MusicClustering.Client.Commands.Bench;

/// <summary><c>cluster bench …</c>: timing benchmarks that compare the product with the reference implementations.</summary>
public static class BenchCommand
{
    // One line per benchmark.
    private static readonly Func<Command>[] Benchmarks =
    [
        BenchVaeCommand.Create,
        BenchMfccCommand.Create,
        BenchDescriptorsCommand.Create,
        BenchE2eCommand.Create,
        BenchTsneCommand.Create,
        BenchScaleCommand.Create,
    ];

    public static Command Create()
    {
        var command = new Command("bench", "Run a benchmark and compare it with the reference figure.");
        foreach (var create in Benchmarks)
        {
            command.Subcommands.Add(create());
        }

        return command;
    }
}
