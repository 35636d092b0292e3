using Microsoft.Extensions.Hosting;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;
using MusicClustering.Silo.Telemetry;

// appsettings.json sits beside the binary, wherever the silo is started from.
// With Telemetry:Dashboard:Enabled the builder is a web application serving the Orleans Dashboard.
IHost host;
try
{
    var builder = SiloHostFactory.CreateBuilder(args);
    var settings = SiloSettings.FromConfiguration(builder.Configuration);
    var storage = StorageSettings.FromConfiguration(builder.Configuration);
    var telemetry = TelemetrySettings.FromConfiguration(builder.Configuration);

    builder.UseOrleans(silo => silo
        .UseConfiguredClustering(settings)
        .UseConfiguredTls(settings.Tls)
        .UseMusicClustering(settings, storage)
        .UseMusicClusteringTelemetry(telemetry, settings));
    host = SiloHostFactory.Build(builder);
}
catch (InvalidOperationException e)
{
    // A configuration mistake (a bad key, a missing certificate): one line that names it, no stack trace.
    Console.Error.WriteLine($"silo: {e.Message}");
    return 2;
}

await host.RunAsync();
return 0;
