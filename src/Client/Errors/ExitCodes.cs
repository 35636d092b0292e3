namespace MusicClustering.Client.Errors;

/// <summary>The console's exit codes; scripts depend on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The work ran and failed (an experiment failed or was cancelled), or the product itself failed.</summary>
    public const int Failed = 1;

    /// <summary>A user mistake: bad arguments, a missing file or dataset, an id that means something else, no gateway.</summary>
    public const int UserError = 2;

    /// <summary>The experiment is still running (<c>cluster results</c>).</summary>
    public const int StillRunning = 3;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;
}
