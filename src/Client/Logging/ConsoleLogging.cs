using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MusicClustering.Client.Logging;

/// <summary>How the console's hosts (embedded silo or gateway client) log: to stderr, one line an entry, Warning and above.</summary>
public static class ConsoleLogging
{
    public static void Configure(HostApplicationBuilder builder, bool verbose)
    {
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = OneLineConsoleFormatter.Name;
        });
        builder.Logging.AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatter.Options>(o => o.Traces = verbose);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The embedded silo's start-up advice (server GC) is for long-running hosts, not a console command.
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
    }
}
