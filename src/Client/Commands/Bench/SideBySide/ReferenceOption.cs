using System.CommandLine;

namespace MusicClustering.Client.Commands.Bench.SideBySide;

/// <summary>The <c>--reference DIR</c> option every benchmark takes.</summary>
public static class ReferenceOption
{
    public static Option<string?> Create() => new("--reference")
    {
        Description = "The Python reference harness to run in the same run (default: shared/reference/harness beside the repository).",
    };
}
