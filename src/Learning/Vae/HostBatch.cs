using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MusicClustering.Learning;

/// <summary>
/// One CPU tensor reused for every batch of a pass: rows are copied straight into its storage, where
/// <c>tensor(float[])</c> would allocate a managed copy per batch (as much garbage as the data, every epoch).
/// </summary>
internal sealed class HostBatch(int maxRows, int columns) : IDisposable
{
    private readonly Tensor _storage = zeros(maxRows, columns);

    /// <summary>The first <paramref name="rows"/> rows of <paramref name="values"/> on <paramref name="device"/>; valid until the next fill.</summary>
    public Tensor Fill(float[] values, int rows, Device device)
    {
        values.AsSpan(0, rows * columns).CopyTo(MemoryMarshal.Cast<byte, float>(_storage.bytes));
        return _storage.narrow(0, 0, rows).to(device);
    }

    public void Dispose() => _storage.Dispose();
}
