using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace MusicClustering.Silo.Telemetry;

/// <summary>
/// Creates the silo's host builder. With the Orleans Dashboard enabled it is an ASP.NET Core
/// <see cref="WebApplicationBuilder"/> whose Kestrel listens only on <c>Telemetry:Dashboard:Host:Port</c>; without it a
/// plain <see cref="HostApplicationBuilder"/>, so a silo opens no HTTP port it was not asked for.
/// </summary>
public static class SiloHostFactory
{
    public static IHostApplicationBuilder CreateBuilder(string[] args)
    {
        // appsettings.json sits beside the binary, wherever the silo is started from.
        var contentRoot = AppContext.BaseDirectory;
        var telemetry = TelemetrySettings.FromConfiguration(new ConfigurationBuilder()
            .SetBasePath(contentRoot)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build());
        if (!telemetry.Dashboard.Enabled)
        {
            return Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = contentRoot });
        }

        var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = contentRoot });
        web.WebHost.UseUrls();
        web.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Parse(telemetry.Dashboard.Host), telemetry.Dashboard.Port));
        return web;
    }

    /// <summary>Builds the host; with the dashboard, maps its endpoints at the root of the dashboard port.</summary>
    public static IHost Build(IHostApplicationBuilder builder)
    {
        switch (builder)
        {
            case WebApplicationBuilder web:
                var app = web.Build();
                app.MapOrleansDashboard();
                return app;
            case HostApplicationBuilder host:
                return host.Build();
            default:
                throw new ArgumentException($"unsupported host builder {builder.GetType().Name}", nameof(builder));
        }
    }
}
