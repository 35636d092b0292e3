namespace MusicClustering.Grains.Messaging;

/// <summary>
/// The largest grain-call request and response bodies one silo has seen, in bytes as the Orleans serializer writes
/// them. Thread-safe; one per silo.
/// </summary>
public sealed class MessageSizeMonitor
{
    private readonly object _gate = new();
    private long _largestRequest;
    private long _largestResponse;
    private string _largestCall = "";
    private long _messages;

    public MessageSizeSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new MessageSizeSnapshot(_largestRequest, _largestResponse, _largestCall, _messages);
        }
    }

    public void Record(string call, long requestBytes, long responseBytes)
    {
        lock (_gate)
        {
            _messages += 2;
            if (Math.Max(requestBytes, responseBytes) > Math.Max(_largestRequest, _largestResponse))
            {
                _largestCall = call;
            }

            _largestRequest = Math.Max(_largestRequest, requestBytes);
            _largestResponse = Math.Max(_largestResponse, responseBytes);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _largestRequest = 0;
            _largestResponse = 0;
            _largestCall = "";
            _messages = 0;
        }
    }
}
