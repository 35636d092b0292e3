using Microsoft.Extensions.Hosting;
using MusicClustering.Silo;
using MusicClustering.Silo.Security;
using MusicClustering.Silo.Telemetry;

// appsettings.json sits beside the binary, wherever the silo is started from.
// With Telemetry:Dashboard:Enabled the builder is a web application serving the Orleans Dashboard.
var builder = SiloHostFactory.CreateBuilder(args);
var settings = SiloSettings.FromConfiguration(builder.Configuration);
var storage = StorageSettings.FromConfiguration(builder.Configuration);
var telemetry = TelemetrySettings.FromConfiguration(builder.Configuration);

builder.UseOrleans(silo => silo
    .UseConfiguredClustering(settings)
    .UseConfiguredTls(settings.Tls)
    .UseMusicClustering(settings, storage)
    .UseMusicClusteringTelemetry(telemetry, settings));

await SiloHostFactory.Build(builder).RunAsync();
