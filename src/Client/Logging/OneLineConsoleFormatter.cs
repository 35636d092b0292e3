using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace MusicClustering.Client.Logging;

/// <summary>
/// The console's log lines: one line per entry (<c>warn: Category: message</c>), an exception as its type and message
/// only, unless <c>--verbose</c> asked for traces. Orleans' false start-up deadlock warning is dropped
/// (<see cref="SpuriousWatchdogWarning"/>).
/// </summary>
public sealed class OneLineConsoleFormatter(IOptionsMonitor<OneLineConsoleFormatter.Options> options)
    : ConsoleFormatter(Name)
{
    public new const string Name = "one-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        if (SpuriousWatchdogWarning.IsSpurious(logEntry.Category, logEntry.State))
        {
            return;
        }

        var message = Flatten(logEntry.Formatter(logEntry.State, null));
        var exception = logEntry.Exception;
        textWriter.Write($"{Level(logEntry.LogLevel)}: {logEntry.Category}: {message}");
        if (exception is not null)
        {
            textWriter.Write(options.CurrentValue.Traces
                ? $"{Environment.NewLine}{exception}"
                : $" ({exception.GetType().Name}: {Flatten(exception.Message)})");
        }

        textWriter.WriteLine();
    }

    private static string Flatten(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    public sealed class Options : ConsoleFormatterOptions
    {
        /// <summary>Write exceptions with their stack traces (<c>--verbose</c>).</summary>
        public bool Traces { get; set; }
    }
}
