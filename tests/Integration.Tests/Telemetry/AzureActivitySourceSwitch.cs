using System.Runtime.CompilerServices;
using MusicClustering.Silo.Telemetry;

namespace MusicClustering.Integration.Tests.Telemetry;

internal static class AzureActivitySourceSwitch
{
    /// <summary>The Azure SDK reads its ActivitySource switch once; turn it on before any test touches a blob client.</summary>
    [ModuleInitializer]
    internal static void Enable() => TelemetrySetup.EnableAzureActivitySource();
}
