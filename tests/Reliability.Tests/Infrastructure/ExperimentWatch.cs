using System.Diagnostics;
using MusicClustering.Contracts;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>
/// Polls an experiment's status the way `cluster watch` does, riding out calls that fail while a silo is dying
/// (each poll may also reactivate the grain, which resumes the run). Bounded in time.
/// </summary>
internal static class ExperimentWatch
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public static async Task<ExperimentStatus> UntilAsync(
        Func<IClusterClient> client, string experimentId, Func<ExperimentStatus, bool> condition, TimeSpan timeout, string what,
        Action<ExperimentStatus>? observe = null, Action<string>? log = null)
    {
        var watch = Stopwatch.StartNew();
        ExperimentStatus? last = null;
        Exception? lastError = null;
        while (watch.Elapsed < timeout)
        {
            try
            {
                using var call = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                last = await client().GetGrain<IExperimentGrain>(experimentId).GetStatusAsync(call.Token)
                    ?? throw new Xunit.Sdk.XunitException($"experiment {experimentId} does not exist");
                observe?.Invoke(last);
                if (condition(last))
                {
                    return last;
                }

                if (last.Stage == ExperimentStage.Failed)
                {
                    throw new Xunit.Sdk.XunitException($"experiment {experimentId} failed while waiting for {what}: {last.Error}");
                }
            }
            // Calls routed to a silo that just died fail (rejection, timeout) until membership catches up.
            catch (Exception ex) when (ex is OrleansException or TimeoutException or OperationCanceledException)
            {
                if (lastError?.GetType() != ex.GetType())
                {
                    log?.Invoke($"{DateTime.UtcNow:HH:mm:ss.fff} status call failed ({ex.GetType().Name}), retrying: {FirstLine(ex.Message)}");
                }

                lastError = ex;
            }

            await Task.Delay(PollInterval);
        }

        throw new TimeoutException(
            $"experiment {experimentId}: no {what} within {timeout.TotalSeconds:0} s; last status {Describe(last)}; last call error: {lastError?.Message ?? "none"}");
    }

    public static Task<ExperimentStatus> FinishedAsync(
        Func<IClusterClient> client, string experimentId, TimeSpan timeout, Action<ExperimentStatus>? observe = null, Action<string>? log = null) =>
        UntilAsync(client, experimentId, s => s.IsFinished, timeout, "finish", observe, log);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    public static string Describe(ExperimentStatus? status) =>
        status is null ? "(none)" : $"{status.Stage} {status.Done}/{status.Total} '{status.Message}' error='{status.Error}'";
}
