using Microsoft.Extensions.Configuration;
using MusicClustering.Client.Connection;
using MusicClustering.Silo;

namespace MusicClustering.Integration.Tests;

public sealed class SiloSettingsTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Defaults_are_localhost_clustering_on_the_standard_ports()
    {
        var settings = SiloSettings.FromConfiguration(Config());
        Assert.Equal(ClusteringModes.Localhost, settings.Clustering);
        Assert.Equal(11111, settings.SiloPort);
        Assert.Equal(30000, settings.GatewayPort);
        Assert.False(settings.HasGpu);
        Assert.Equal("127.0.0.1", settings.AdvertisedAddress);
    }

    [Fact]
    public void Environment_style_keys_override_the_file()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:SiloPort"] = "11111", ["Cluster:HasGpu"] = "false" })
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Cluster:SiloPort"] = "11112", ["Cluster:HasGpu"] = "true" })
            .Build();
        var settings = SiloSettings.FromConfiguration(configuration);
        Assert.Equal(11112, settings.SiloPort);
        Assert.True(settings.HasGpu);
    }

    [Fact]
    public void Real_environment_variables_bind_with_double_underscores()
    {
        Environment.SetEnvironmentVariable("MCTEST_Cluster__GatewayPort", "30042");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("MCTEST_").Build();
            Assert.Equal(30042, SiloSettings.FromConfiguration(configuration).GatewayPort);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MCTEST_Cluster__GatewayPort", null);
        }
    }

    [Fact]
    public void Redis_clustering_needs_a_connection_string()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SiloSettings.FromConfiguration(Config(
            ("Cluster:Clustering", "redis"), ("Cluster:RedisConnectionString", ""))));
        Assert.Contains("RedisConnectionString", error.Message);
        var ok = SiloSettings.FromConfiguration(Config(("Cluster:Clustering", "redis"), ("Cluster:RedisConnectionString", "127.0.0.1:6379")));
        Assert.Equal("redis", ok.Clustering);
    }

    [Theory]
    [InlineData("Cluster:Clustering", "zookeeper", "Clustering")]
    [InlineData("Cluster:SiloPort", "70000", "SiloPort")]
    [InlineData("Cluster:GatewayPort", "-1", "GatewayPort")]
    [InlineData("Cluster:AdvertisedAddress", "not-an-ip", "AdvertisedAddress")]
    [InlineData("Cluster:PrimarySiloEndpoint", "127.0.0.1", "PrimarySiloEndpoint")]
    [InlineData("Cluster:TorchThreads", "0", "TorchThreads")]
    public void Invalid_values_are_rejected_with_the_key_named(string key, string value, string expectedInMessage)
    {
        var error = Assert.ThrowsAny<Exception>(() => SiloSettings.FromConfiguration(Config((key, value))));
        Assert.Contains(expectedInMessage, error.Message);
    }

    [Fact]
    public void Same_silo_and_gateway_port_is_rejected()
    {
        Assert.Throws<InvalidOperationException>(() => SiloSettings.FromConfiguration(Config(
            ("Cluster:SiloPort", "12000"), ("Cluster:GatewayPort", "12000"))));
    }

    [Fact]
    public void Client_prefers_the_option_then_the_environment_then_configuration()
    {
        var configuration = Config((ClientSettings.GatewayVariable, "10.0.0.2:30000"), ("Client:Gateway", "10.0.0.3:30000"));
        Assert.Equal("10.0.0.1:30000", ClientSettings.Resolve(configuration, "10.0.0.1:30000").Gateway);
        Assert.Equal("10.0.0.2:30000", ClientSettings.Resolve(configuration, null).Gateway);
        Assert.Equal("10.0.0.3:30000", ClientSettings.Resolve(Config(("Client:Gateway", "10.0.0.3:30000")), null).Gateway);
        Assert.True(ClientSettings.Resolve(Config(), null).IsEmbedded);
    }

    [Theory]
    [InlineData("127.0.0.1:30000", "127.0.0.1", 30000)]
    [InlineData("[::1]:30001", "::1", 30001)]
    public void Endpoints_parse(string text, string address, int port)
    {
        var endpoint = EndpointParser.Parse(text);
        Assert.Equal(address, endpoint.Address.ToString());
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:0")]
    [InlineData("127.0.0.1:x")]
    [InlineData(":30000")]
    public void Bad_endpoints_fail_clearly(string text) =>
        Assert.Contains("host:port", Assert.Throws<FormatException>(() => EndpointParser.Parse(text)).Message);
}
