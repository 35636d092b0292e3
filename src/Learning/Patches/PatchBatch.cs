namespace MusicClustering.Learning;

/// <summary>
/// A mini-batch of log-mel patches in dB: <see cref="Values"/> is Count × Bands × Frames row-major (a patch is
/// [band, frame] like <c>LogMelSpectrogram</c>), patch i being <see cref="Refs"/>[i].
/// </summary>
public sealed record PatchBatch(float[] Values, IReadOnlyList<PatchRef> Refs, int Bands, int Frames)
{
    public int Count => Refs.Count;

    public void Validate()
    {
        if (Values.Length != (long)Count * Bands * Frames)
        {
            throw new InvalidDataException($"A batch of {Count} patches of {Bands} × {Frames} needs {Count * Bands * Frames} values, not {Values.Length}.");
        }
    }
}
