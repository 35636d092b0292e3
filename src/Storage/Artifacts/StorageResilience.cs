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
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
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
