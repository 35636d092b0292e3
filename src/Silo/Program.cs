using Microsoft.Extensions.Hosting;
using MusicClustering.Silo;

// appsettings.json sits beside the binary, wherever the silo is started from.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
var settings = SiloSettings.FromConfiguration(builder.Configuration);
var storage = StorageSettings.FromConfiguration(builder.Configuration);

builder.UseOrleans(silo => silo
    .UseConfiguredClustering(settings)
    .UseMusicClustering(settings, storage));

await builder.Build().RunAsync();
