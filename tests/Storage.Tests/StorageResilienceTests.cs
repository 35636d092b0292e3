namespace MusicClustering.Storage.Tests;

public sealed class StorageResilienceTests
{
    private static readonly ArtifactStoreOptions Defaults = new() { ConnectionString = "unused" };

    [Theory]
    [InlineData(0, 200)]
    [InlineData(1, 400)]
    [InlineData(5, 6400)]
    [InlineData(6, 10000)]
    [InlineData(40, 10000)]
    public void Delays_double_up_to_the_cap_within_twenty_percent_jitter(int attempt, double nominalMs)
    {
        var lowest = StorageResilience.DelayFor(attempt, Defaults.BaseDelay, Defaults.MaxDelay, 0);
        var highest = StorageResilience.DelayFor(attempt, Defaults.BaseDelay, Defaults.MaxDelay, 1);

        Assert.Equal(nominalMs * 0.8, lowest.TotalMilliseconds, 6);
        Assert.Equal(nominalMs * 1.2, highest.TotalMilliseconds, 6);
    }

    [Fact]
    public void The_default_retry_budget_outlasts_a_ten_second_outage_even_with_the_shortest_jitter()
    {
        // MaxAttempts tries means MaxAttempts - 1 waits between them.
        var shortest = Enumerable.Range(0, Defaults.MaxAttempts - 1)
            .Sum(attempt => StorageResilience.DelayFor(attempt, Defaults.BaseDelay, Defaults.MaxDelay, 0).TotalSeconds);

        Assert.InRange(shortest, 30, 40);
    }
}
