namespace MusicClustering.Console.Tests;

/// <summary>The console's promises about mistakes and output, checked on a finished run.</summary>
public static class ConsoleAssert
{
    /// <summary>Exit 2, exactly one "error:" line that contains every fragment, and no stack trace.</summary>
    public static string UserError(CliResult result, params string[] fragments)
    {
        Assert.True(result.ExitCode == 2, $"a user mistake must exit with 2: {result}");
        NoStackTrace(result);
        var line = Assert.Single(result.ErrorLines);
        foreach (var fragment in fragments)
        {
            Assert.True(line.Contains(fragment, StringComparison.Ordinal), $"the error line should contain '{fragment}': {line}");
        }

        return line;
    }

    public static void Succeeded(CliResult result)
    {
        Assert.True(result.ExitCode == 0, $"the command should succeed: {result}");
        NoStackTrace(result);
    }

    public static void NoStackTrace(CliResult result)
    {
        Assert.False(result.Stderr.Contains("   at ", StringComparison.Ordinal), $"stderr holds a stack trace: {result}");
        Assert.False(result.Stdout.Contains("   at ", StringComparison.Ordinal), $"stdout holds a stack trace: {result}");
        // Orleans' false start-up warning (Watchdog.Start's race) must never reach the user.
        Assert.False(result.Stderr.Contains("potentially indicating", StringComparison.Ordinal), $"the spurious deadlock warning was logged: {result}");
    }
}
