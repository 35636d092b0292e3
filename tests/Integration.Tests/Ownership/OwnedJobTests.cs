using Microsoft.Extensions.Logging.Abstractions;
using MusicClustering.Contracts;
using MusicClustering.Grains.Ownership;

namespace MusicClustering.Integration.Tests.Ownership;

/// <summary>
/// The ownership protocol on its own, against an in-memory store and a membership the test controls: two
/// <see cref="OwnedJob{TStatus}"/>s over one claim blob play the two activations a lost directory partition can leave.
/// </summary>
public sealed class OwnedJobTests
{
    private const string SiloA = "silo-a";
    private const string SiloB = "silo-b";
    private static readonly BlobRef Blob = new("experiments", "job/status.json");
    private static readonly OwnershipSettings Settings = new(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(300));

    private readonly InMemoryClaimStore _store = new();
    private readonly TestCodec _codec = new();

    [Fact]
    public async Task The_first_activation_claims_and_runs_the_job_and_stores_its_final_status_once_done()
    {
        var a = Activation(SiloA);
        var started = await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);

        Assert.Equal(new TestStatus("queued", SiloA, 1), started);
        Assert.True(a.Job.IsOwner);
        Assert.Equal([false], a.Work.Runs);
        Assert.Equal(OwnedJob<TestStatus>.KeepAlive, a.Host.KeptAliveFor);
        a.Work.Finish();
        await WaitUntilAsync(() => !a.Job.IsOwner);

        Assert.Equal(new TestStatus("done", SiloA, 1), Stored());
        await a.Host.HeartbeatAsync();
        Assert.Null(a.Host.Tick);
    }

    [Fact]
    public async Task A_second_activation_follows_a_live_owner_and_never_runs_the_job()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        var b = Activation(SiloB);

        var seen = await b.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        await a.Host.HeartbeatAsync();
        await b.Host.HeartbeatAsync();

        Assert.Equal(new TestStatus("queued", SiloA, 1), seen);
        Assert.False(b.Job.IsOwner);
        Assert.Empty(b.Work.Runs);
        a.Work.Finish();
        await WaitUntilAsync(() => !a.Job.IsOwner);
        await b.Host.HeartbeatAsync();
        Assert.Equal("done", b.Job.Status!.State);
        Assert.Null(b.Host.Tick);
    }

    [Fact]
    public async Task A_released_job_is_resumed_at_once_by_the_next_activation()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);

        await a.Job.DeactivateAsync(new DeactivationReason(DeactivationReasonCode.ShuttingDown, "test"), CancellationToken.None);
        Assert.Equal(1, a.Work.Stopped);
        Assert.Equal(new TestStatus("queued", null, 1), Stored());

        var b = Activation(SiloB);
        await b.Job.ActivateAsync(CancellationToken.None);
        Assert.True(b.Job.IsOwner);
        Assert.Equal([true], b.Work.Runs);
        Assert.Equal(new TestStatus("resumed", SiloB, 2), Stored());
    }

    [Fact]
    public async Task A_dead_owners_job_is_taken_over_and_the_old_owner_is_fenced_out_at_its_next_write()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        var b = Activation(SiloB);
        b.Liveness.Dead.Add(SiloA);

        await b.Job.ActivateAsync(CancellationToken.None);
        Assert.True(b.Job.IsOwner);
        Assert.Equal(2, Stored().Claims);

        // The presumed-dead owner was only slow: its next heartbeat fails, so it stops and follows.
        await a.Host.HeartbeatAsync();
        Assert.False(a.Job.IsOwner);
        Assert.Equal(1, a.Work.Stopped);
        await Assert.ThrowsAsync<OwnershipLostException>(() => a.Job.UpdateAsync(s => s with { State = "late" }));
        Assert.Equal(new TestStatus("resumed", SiloB, 2), Stored());
    }

    [Fact]
    public async Task A_silent_owner_is_taken_over_only_after_the_lapse()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        var b = Activation(SiloB);
        await b.Job.ActivateAsync(CancellationToken.None);
        Assert.False(b.Job.IsOwner);

        await Task.Delay(Settings.Lapse + TimeSpan.FromMilliseconds(100));
        await b.Host.HeartbeatAsync();

        Assert.True(b.Job.IsOwner);
        Assert.Equal(new TestStatus("resumed", SiloB, 2), Stored());
    }

    [Fact]
    public async Task A_heartbeat_during_a_storage_outage_keeps_the_claim_and_the_next_one_writes_again()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        a.Job.Report(s => s with { State = "halfway" });

        _store.Down = true;
        await a.Host.HeartbeatAsync();
        Assert.True(a.Job.IsOwner);
        Assert.Equal("queued", Stored().State);

        _store.Down = false;
        await a.Host.HeartbeatAsync();
        Assert.True(a.Job.IsOwner);
        Assert.Equal(new TestStatus("halfway", SiloA, 1), Stored());
    }

    [Fact]
    public async Task A_failed_run_stores_its_failure_and_is_not_resumed()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        a.Work.Fail(new InvalidOperationException("broken"));
        await WaitUntilAsync(() => !a.Job.IsOwner);

        var b = Activation(SiloB);
        b.Liveness.Dead.Add(SiloA);
        await b.Job.ActivateAsync(CancellationToken.None);
        Assert.Equal(new TestStatus("failed", SiloA, 1), b.Job.Status);
        Assert.Empty(b.Work.Runs);
    }

    [Fact]
    public async Task A_run_that_fails_after_a_stop_was_requested_is_stored_as_stopped_not_failed()
    {
        // The experiment's trainer sees `cluster cancel` first and stops; the experiment's run then fails on it.
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("training"), CancellationToken.None);
        a.Work.StopRequested = true;
        a.Work.Fail(new InvalidOperationException("training failed: stopped"));
        await WaitUntilAsync(() => !a.Job.IsOwner);

        Assert.Equal(new TestStatus("stopped", SiloA, 1), Stored());
    }

    [Fact]
    public async Task A_job_that_cannot_be_resumed_is_followed_instead_of_taken()
    {
        var a = Activation(SiloA);
        await a.Job.StartAsync(new TestStatus("queued"), CancellationToken.None);
        var b = Activation(SiloB);
        b.Liveness.Dead.Add(SiloA);
        b.Work.Resumable = false;

        await b.Job.ActivateAsync(CancellationToken.None);

        Assert.False(b.Job.IsOwner);
        Assert.Equal(1, Stored().Claims);
    }

    private (OwnedJob<TestStatus> Job, TestJob Work, ManualHost Host, FakeLiveness Liveness) Activation(string silo)
    {
        var liveness = new FakeLiveness(silo);
        var work = new TestJob();
        var host = new ManualHost();
        var job = new JobOwnership(_store, Settings, liveness).Create(Blob, _codec, work, host, NullLogger.Instance);
        return (job, work, host, liveness);
    }

    private TestStatus Stored() => _codec.Decode(_store.Read(Blob)!);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(10, timeout.Token);
        }
    }
}
