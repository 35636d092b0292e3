using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using MusicClustering.Storage;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace MusicClustering.Reliability.Tests.Prototype;

/// <summary>
/// Issue 13's Orleans-native alternative to <c>OwnedJob</c>, measured rather than assumed: grain state on Azurite
/// through <c>Microsoft.Orleans.Persistence.AzureStorage</c> with the strongly consistent distributed directory, on a
/// real three-silo cluster. It shows the two properties the alternative rests on: a stale writer is rejected by the
/// ETag, and a job whose silo is killed resumes from its persisted progress on another silo once called again.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class OrleansNativeOwnershipTests(ITestOutputHelper output)
{
    public const string StorageName = "prototype";

    [Fact]
    public async Task A_stale_writer_of_grain_state_is_rejected_by_the_etag()
    {
        await using var cluster = await StartAsync(silos: 1);
        var storage = cluster.Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageName);
        var id = GrainId.Create("prototypejob", "zombie");
        var owner = new GrainState<PrototypeJobProgress>(new PrototypeJobProgress(10, 1, "owner", 0, false));
        await storage.WriteStateAsync("job", id, owner);
        var zombie = new GrainState<PrototypeJobProgress>();
        await storage.ReadStateAsync("job", id, zombie);
        Assert.Equal(1, zombie.State!.Done);

        owner.State = owner.State! with { Done = 2 };
        await storage.WriteStateAsync("job", id, owner);
        zombie.State = zombie.State! with { Done = 5, Silo = "zombie" };

        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("job", id, zombie));
        var stored = new GrainState<PrototypeJobProgress>();
        await storage.ReadStateAsync("job", id, stored);
        Assert.Equal(("owner", 2), (stored.State!.Silo, stored.State.Done));
    }

    [Fact]
    public async Task A_job_whose_silo_is_killed_resumes_from_its_persisted_progress_on_another_silo()
    {
        await using var cluster = await StartAsync(silos: 3);
        var job = cluster.Cluster.Client.GetGrain<IPrototypeJobGrain>("killed-silo");
        const int steps = 40;
        await job.StartAsync(steps);
        var before = await UntilAsync(job, p => p.Done >= 5, TimeSpan.FromSeconds(30));
        var victim = cluster.Cluster.Silos.Single(s => s.Name == before.Silo);
        await cluster.Cluster.KillSiloAsync(victim);
        output.WriteLine($"killed {victim.Name} after step {before.Done}");

        var after = await UntilAsync(job, p => p.Done == p.Steps, TimeSpan.FromMinutes(2));

        output.WriteLine($"finished on {after.Silo}, resumed from step {after.ResumedFrom}");
        Assert.NotEqual(victim.Name, after.Silo);
        Assert.InRange(after.ResumedFrom, before.Done, steps - 1);
        Assert.False(after.LostOwnership);
    }

    private static async Task<PrototypeJobProgress> UntilAsync(IPrototypeJobGrain job, Func<PrototypeJobProgress, bool> done, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var progress = await job.GetAsync();
                if (done(progress))
                {
                    return progress;
                }
            }
            catch (Exception error) when (error is OrleansException or TimeoutException or SiloUnavailableException)
            {
                last = error; // the directory and membership are still settling after the kill
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the prototype job did not get there in {patience}; last error: {last?.Message ?? "none"}");
    }

    private static async Task<PrototypeCluster> StartAsync(int silos)
    {
        var azurite = await AzuriteLauncher.EnsureRunningAsync(new AzuriteLaunchOptions { Port = 0 }, CancellationToken.None);
        try
        {
            var builder = new InProcessTestClusterBuilder((short)silos);
            builder.ConfigureSilo((_, silo) =>
            {
                silo.AddAzureBlobGrainStorage(StorageName, options => options.BlobServiceClient = new BlobServiceClient(azurite.ConnectionString));
#pragma warning disable ORLEANSEXP003 // the strongly consistent directory is what this prototype evaluates
                silo.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
            });
            var cluster = builder.Build();
            await cluster.DeployAsync();
            return new PrototypeCluster(azurite, cluster);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    private sealed record PrototypeCluster(AzuriteInstance Azurite, InProcessTestCluster Cluster) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await Cluster.DisposeAsync();
            }
            finally
            {
                await Azurite.DisposeAsync();
            }
        }
    }
}
