using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>
/// An Orleans client that finds gateways through the Redis membership table, like a client of a Redis-clustered
/// deployment: when the silo it talks to dies, it moves to another gateway.
/// </summary>
internal sealed class ClusterClientHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ClusterClientHost(IHost host) => _host = host;

    public IClusterClient Client => _host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterClientHost> StartAsync(string redis, string clusterId, string serviceId)
    {
        // No defaults: a developer's environment or appsettings must not change what the test connects to.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.UseOrleansClient(client => client
            .UseRedisClustering(redis)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = serviceId;
            })
            // Notice new and dead gateways quickly; the default refresh is a minute.
            .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2)));
        var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return new ClusterClientHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The silos may be gone already; nothing to close gracefully.
        }
        finally
        {
            _host.Dispose();
        }
    }
}
