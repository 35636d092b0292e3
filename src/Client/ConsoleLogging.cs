using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MusicClustering.Client;

/// <summary>How every host the console starts (a client, an embedded or benchmark silo) logs.</summary>
public static class ConsoleLogging
{
    /// <summary>Logs go to stderr at Warning and above, so stdout stays clean for <c>--json</c>.</summary>
    public static void Quiet(HostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The embedded silo's start-up advice (server GC) is for long-running hosts, not a console command.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
    }
}
