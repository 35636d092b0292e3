using System.Net.Sockets;
using Azure;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace MusicClustering.Storage;

/// <summary>The one retry policy of the storage layer (the Azure SDK's own retries are switched off).</summary>
public static class StorageResilience
{
    private static readonly int[] TransientStatuses = [408, 429, 500, 502, 503, 504];

    /// <summary>
    /// Transient: HTTP 408/429/500/502/503/504, status 0 (no response: connection refused/reset),
    /// HttpRequestException, IOException (except missing local files), SocketException, timeouts, and
    /// cancellations the caller did not ask for.
    /// </summary>
    public static bool IsTransient(Exception exception, CancellationToken callerToken = default) => exception switch
    {
        RequestFailedException failed => failed.Status == 0 || TransientStatuses.Contains(failed.Status),
        // Local file problems (missing file or folder) will not heal by waiting.
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0
            && aggregate.InnerExceptions.All(inner => IsTransient(inner, callerToken)),
        _ => false,
    };

    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (0-based): base × 2^attempt, capped at the maximum, with ±20%
    /// jitter. Polly's own jittered backoff is decorrelated and its sum varies widely, so a run of unlucky draws could
    /// give up inside a 10 s outage; this one keeps the total budget predictable (10 attempts ≈ 34-51 s by default).
    /// </summary>
    public static TimeSpan DelayFor(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double unitRandom)
    {
        var exponential = baseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt, 30));
        var capped = Math.Min(exponential, maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * unitRandom)));
    }

    /// <summary>Retry with exponential backoff and jitter on transient failures.</summary>
    public static ResiliencePipeline Build(ArtifactStoreOptions options, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1);
        if (options.MaxAttempts == 1)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    DelayFor(args.AttemptNumber, options.BaseDelay, options.MaxDelay, Random.Shared.NextDouble())),
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } exception && IsTransient(exception, args.Context.CancellationToken)),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Storage operation {Operation} failed (attempt {Attempt}), retrying in {Delay}: {Error}",
                        args.Context.OperationKey, args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }
}
