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
            // Timer ticks also pass through call filters but are never sent; they do not serialize, and are not counted.
            if (requestBytes >= 0)
            {
                monitor.Record($"{context.InterfaceName}.{context.MethodName}", requestBytes, Math.Max(0, Measure(context.Response)));
            }
        }
    }

    /// <summary>The body's serialized size, or -1 when it cannot be serialized: measuring must never fail a call.</summary>
    private long Measure(object? body)
    {
        if (body is null)
        {
            return 0;
        }

        try
        {
            return serializer.SerializeToArray<object>(body).LongLength;
        }
        catch (Exception)
        {
            return -1;
        }
    }
}
