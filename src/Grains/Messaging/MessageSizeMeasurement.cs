using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MusicClustering.Grains.Messaging;

/// <summary>Opt-in measurement of grain message sizes (<c>Cluster:MeasureMessageSizes=true</c>).</summary>
public static class MessageSizeMeasurement
{
    public const string ConfigurationKey = "Cluster:MeasureMessageSizes";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>(ConfigurationKey);

    /// <summary>Installs the measuring filter once, however often it is asked for.</summary>
    public static ISiloBuilder AddMessageSizeMeasurement(this ISiloBuilder silo)
    {
        if (silo.Services.Any(d => d.ServiceType == typeof(MessageSizeMonitor)))
        {
            return silo;
        }

        silo.Services.AddSingleton<MessageSizeMonitor>();
        silo.AddIncomingGrainCallFilter<MessageSizeFilter>();
        return silo;
    }
}
