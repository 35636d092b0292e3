using System.Text.Json;
using MusicClustering.Grains.Ownership;

namespace MusicClustering.Integration.Tests.Ownership;

/// <summary>A job's status as the protocol sees it: a state, its owner and the claim count.</summary>
internal sealed record TestStatus(string State, string? Owner = null, int Claims = 0)
{
    public bool IsFinished => State is "done" or "failed" or "stopped";
}

internal sealed class TestCodec : IJobStatusCodec<TestStatus>
{
    public BinaryData Encode(TestStatus status) => BinaryData.FromString(JsonSerializer.Serialize(status));

    public TestStatus Decode(BinaryData content) => JsonSerializer.Deserialize<TestStatus>(content.ToString())!;

    public bool IsFinished(TestStatus status) => status.IsFinished;

    public (string? Owner, string OwnerName, int Claims) OwnerOf(TestStatus status) => (status.Owner, status.Owner ?? "nobody", status.Claims);

    public TestStatus WithOwner(TestStatus status, string? owner, int claims) => status with { Owner = owner, Claims = claims };
}

/// <summary>Membership as the test says it is.</summary>
internal sealed class FakeLiveness(string self) : IOwnerLiveness
{
    public HashSet<string> Dead { get; } = [];

    public HashSet<string> Active { get; } = [];

    public string Self => self;

    public bool IsDead(string? owner) => owner is not null && Dead.Contains(owner);

    public bool IsActive(string? owner) => owner is not null && Active.Contains(owner);
}

/// <summary>An activation whose heartbeat the test drives by hand.</summary>
internal sealed class ManualHost : IJobHost
{
    public Func<CancellationToken, Task>? Tick { get; private set; }

    public TimeSpan KeptAliveFor { get; private set; }

    public IDisposable StartTimer(Func<CancellationToken, Task> tick, TimeSpan period)
    {
        Tick = tick;
        return new Stop(this);
    }

    public void KeepAlive(TimeSpan duration) => KeptAliveFor = duration;

    public Task HeartbeatAsync() => Tick is { } tick ? tick(CancellationToken.None) : Task.CompletedTask;

    private sealed class Stop(ManualHost host) : IDisposable
    {
        public void Dispose() => host.Tick = null;
    }
}

/// <summary>A job whose run the test finishes (or fails) when it likes; it records how it was run and stopped.</summary>
internal sealed class TestJob : IOwnedJob<TestStatus>
{
    private TaskCompletionSource<TestStatus> _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "Test job";

    public List<bool> Runs { get; } = [];

    public int Stopped { get; private set; }

    public bool Resumable { get; set; } = true;

    public string Phase(TestStatus status) => status.State;

    public async Task<TestStatus> RunAsync(bool resumed, CancellationToken cancellationToken)
    {
        Runs.Add(resumed);
        _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var stop = cancellationToken.Register(() =>
        {
            Stopped++;
            _finish.TrySetCanceled(cancellationToken);
        });
        return await _finish.Task;
    }

    public void Finish(string state = "done") => _finish.TrySetResult(new TestStatus(state));

    public void Fail(Exception error) => _finish.TrySetException(error);

    public TestStatus Failed(TestStatus status, Exception error) => status with { State = "failed" };

    /// <summary>Whether a stop request is on record (the cancel blob, for an experiment).</summary>
    public bool StopRequested { get; set; }

    public Task<bool> IsStopRequestedAsync(CancellationToken cancellationToken) => Task.FromResult(StopRequested);

    TestStatus IOwnedJob<TestStatus>.Stopped(TestStatus status) => status with { State = "stopped" };

    public Task<(TestStatus Status, bool Resumable)> PrepareTakeOverAsync(TestStatus stored, CancellationToken cancellationToken) =>
        Task.FromResult((stored with { State = "resumed" }, Resumable));
}
