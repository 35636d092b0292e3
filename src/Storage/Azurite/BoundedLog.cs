namespace MusicClustering.Storage;

/// <summary>Keeps the last lines a child process printed, for error messages.</summary>
internal sealed class BoundedLog(int capacity)
{
    private readonly Queue<string> _lines = new();
    private readonly Lock _gate = new();

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>Adds the last lines of a log file (a detached process writes there instead of to us); null adds nothing.</summary>
    public void AddFileTail(string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return;
        }

        foreach (var line in File.ReadLines(path).TakeLast(capacity))
        {
            Add(line);
        }
    }

    public string Tail()
    {
        lock (_gate)
        {
            return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
        }
    }
}
