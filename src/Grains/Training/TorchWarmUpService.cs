using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MusicClustering.Learning;

namespace MusicClustering.Grains.Training;

/// <summary>Starts <see cref="TorchWarmUp"/> as the silo starts, without delaying the start, and logs how it went.</summary>
public sealed class TorchWarmUpService(ILogger<TorchWarmUpService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = LogAsync(TorchWarmUp.Begin());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task LogAsync(Task<string> warmUp) => logger.LogInformation("{Outcome}", await warmUp.ConfigureAwait(false));
}
