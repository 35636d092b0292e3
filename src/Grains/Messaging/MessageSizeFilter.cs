using Orleans.Serialization;

namespace MusicClustering.Grains.Messaging;

/// <summary>
/// Serializes every incoming grain call's request (the invokable, which is the message body Orleans sends) and its
/// response with the silo's own Orleans <see cref="Serializer"/>, and records their sizes. That doubles the
/// serialization work of each call, so it is only installed when measuring (a benchmark or a test).
/// </summary>
public sealed class MessageSizeFilter(Serializer serializer, MessageSizeMonitor monitor) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        // Measured before the call: the invokable's arguments are reset once it has run.
        var requestBytes = Measure(context.Request);
        try
        {
            await context.Invoke();
        }
        finally
        {
            monitor.Record($"{context.InterfaceName}.{context.MethodName}", requestBytes, Measure(context.Response));
        }
    }

    private long Measure(object? body) => body is null ? 0 : serializer.SerializeToArray<object>(body).LongLength;
}
