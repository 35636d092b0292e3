namespace MusicClustering.Reliability.Tests.Infrastructure;

/// <summary>
/// The last lines a child process printed (the newest 60 for failure messages, up to 5,000 for the kept log), and how
/// many lines contained each marker (over the whole run). Reading the pipes also keeps the child from blocking on a full pipe.
/// </summary>
internal sealed class OutputTail(IReadOnlyCollection<string> markers, int lines = 5000)
{
    private readonly Queue<string> _lines = new();
    private readonly Dictionary<string, int> _counts = markers.ToDictionary(m => m, _ => 0, StringComparer.Ordinal);
    private readonly object _gate = new();

    public int Count(string marker)
    {
        lock (_gate)
        {
            return _counts[marker];
        }
    }

    public void Add(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var marker in markers.Where(m => line.Contains(m, StringComparison.Ordinal)))
            {
                _counts[marker]++;
            }

            _lines.Enqueue(line);
            while (_lines.Count > lines)
            {
                _lines.Dequeue();
            }
        }
    }

    public override string ToString() => Last(60);

    public string Last(int count)
    {
        lock (_gate)
        {
            return string.Join(Environment.NewLine, _lines.Skip(Math.Max(0, _lines.Count - count)));
        }
    }

    public string All() => Last(int.MaxValue);
}
