using System.Security;
using System.Text.Json;

namespace MusicClustering.Client.Errors;

/// <summary>
/// Turns whatever a command throws into one line on stderr and an exit code: user mistakes (exit 2) say what to do,
/// anything else (exit 1) says that it is not the user's fault. The stack trace only with <c>--verbose</c>.
/// </summary>
public static class ErrorReporter
{
    private const string VerboseHint = "run again with --verbose for the details";

    /// <summary>Writes the error as one line (plain text: a console may not wrap it) and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter stderr, bool verbose)
    {
        var (message, code) = Classify(exception);
        stderr.WriteLine($"error: {message}");
        if (verbose)
        {
            stderr.WriteLine(exception.ToString());
        }

        return code;
    }

    public static (string Message, int ExitCode) Classify(Exception exception) => exception switch
    {
        UserErrorException e => (OneLine(e.Message), ExitCodes.UserError),
        OperationCanceledException => ("interrupted", ExitCodes.Interrupted),
        // Grains reject specs, names and ids with ArgumentException; its parameter suffix means nothing to a user.
        ArgumentException e => (OneLine(WithoutParameterName(e)), ExitCodes.UserError),
        FileNotFoundException e => ($"{OneLine(e.Message)} Check the path.", ExitCodes.UserError),
        DirectoryNotFoundException e => ($"{OneLine(e.Message)} Check the path.", ExitCodes.UserError),
        UnauthorizedAccessException or SecurityException => ($"{OneLine(exception.Message)} Check the file's permissions.", ExitCodes.UserError),
        FormatException or JsonException => (OneLine(exception.Message), ExitCodes.UserError),
        _ => ($"{OneLine(exception.Message)} ({exception.GetType().Name}; this is a bug or an outage, not your mistake: {VerboseHint})", ExitCodes.Failed),
    };

    /// <summary>The first line of a message, so multi-line texts (a process's log tail) stay one line; --verbose shows the rest.</summary>
    public static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length switch
        {
            0 => "(no message)",
            1 => lines[0],
            _ => $"{lines[0]} ({VerboseHint})",
        };
    }

    private static string WithoutParameterName(ArgumentException e) =>
        e.ParamName is { } name && e.Message.EndsWith($" (Parameter '{name}')", StringComparison.Ordinal)
            ? e.Message[..^$" (Parameter '{name}')".Length]
            : e.Message;
}
