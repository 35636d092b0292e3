using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MusicClustering.Client.Logging;

namespace MusicClustering.Client.Connection;

/// <summary>
/// The console's hosts (embedded silo, bench silos, gateway client). The console reads its own settings
/// (<see cref="Commands.CliContext.Configuration"/>) and passes them in, so a host takes none of the defaults but the
/// environment (which OpenTelemetry's <c>OTEL_*</c> variables reach it through): no appsettings.json from the working
/// directory, and above all no file watcher on it. The default <c>reloadOnChange</c> watches the working directory
/// recursively, which from a home folder or a music library means an inotify watch on every folder below it and CPU
/// spent on every file written there.
/// </summary>
public static class ConsoleHost
{
    public static HostApplicationBuilder CreateBuilder(bool verbose)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddEnvironmentVariables();
        ConfigureLogging(builder.Logging, verbose);
        return builder;
    }

    // To stderr, one line an entry, Warning and above.
    private static void ConfigureLogging(ILoggingBuilder logging, bool verbose)
    {
        logging.ClearProviders();
        logging.AddConsole(o =>
        {
            o.LogToStandardErrorThreshold = LogLevel.Trace;
            o.FormatterName = OneLineConsoleFormatter.Name;
        });
        logging.AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatter.Options>(o => o.Traces = verbose);
        logging.SetMinimumLevel(LogLevel.Warning);
        // The embedded silo's start-up advice (server GC) is for long-running hosts, not a console command.
        logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Error);
    }
}
