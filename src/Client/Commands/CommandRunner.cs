using System.CommandLine;
using MusicClustering.Client.Errors;

namespace MusicClustering.Client.Commands;

/// <summary>
/// Parses and runs one command. A parse error is one line and exit 2; whatever a command throws goes through
/// <see cref="ErrorReporter"/>, so a user never sees a stack trace unless they ask for it with <c>--verbose</c>.
/// </summary>
public static class CommandRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parseResult = root.Parse(args);
        var verbose = parseResult.GetValue(CliContext.Verbose);
        if (parseResult.Errors.Count > 0)
        {
            var command = string.Join(' ', parseResult.CommandResult.Command.Parents.OfType<Command>().Reverse().Append(parseResult.CommandResult.Command)
                .Select(c => c is RootCommand ? "cluster" : c.Name));
            var errors = string.Join("; ", parseResult.Errors.Select(e => e.Message.TrimEnd('.')));
            Console.Error.WriteLine($"error: {errors}; see `{command} --help`");
            return ExitCodes.UserError;
        }

        try
        {
            return await parseResult.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex)
        {
            return ErrorReporter.Report(ex, Console.Error, verbose);
        }
    }
}
