using System.Text.Json;

namespace MusicClustering.Deployment.Tests;

/// <summary>
/// The two processes that host silos ship the JIT settings of src/JitSettings.props in their runtimeconfig.json, where
/// the runtime reads them (a deployed silo gets no environment variables from us).
/// </summary>
public sealed class JitSettingsTests
{
    [Theory]
    [InlineData("cluster.runtimeconfig.json")]
    [InlineData("MusicClustering.Silo.runtimeconfig.json")]
    public void Silo_hosts_carry_the_tiering_settings(string file)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, file)));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
        Assert.False(properties.GetProperty("System.Runtime.TieredCompilation.QuickJitForLoops").GetBoolean());
        Assert.Equal(2000, properties.GetProperty("System.Runtime.TieredCompilation.CallCountThreshold").GetInt32());
    }
}
