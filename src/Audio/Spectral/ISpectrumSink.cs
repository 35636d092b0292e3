namespace MusicClustering.Audio;

/// <summary>
/// Receives the spectra of one STFT pass batch by batch, in order. A batch holds <see cref="BatchedRealFft.Lanes"/>
/// frames, one per SIMD lane; lanes at or past <see cref="BatchInfo.ValidLanes"/> are frames past the end and must not
/// count.
/// </summary>
internal interface ISpectrumSink
{
    /// <summary>True when the sink reads <see cref="SpectrumBatch.Re"/>/<see cref="SpectrumBatch.Im"/> (not only the power).</summary>
    bool NeedsComplex { get; }

    /// <summary>
    /// True when the sink follows a librosa function that always pads with zeros (onset_strength, hpss), whatever the
    /// pad mode of the pass: frames that reach into the padding are then transformed a second time for it.
    /// </summary>
    bool ZeroPadded { get; }

    void Accept(SpectrumBatch spectrum, BatchInfo batch);
}

/// <summary>
/// Which batch a spectrum belongs to: its index, how many of its lanes are real frames, and whether any of its frames
/// reaches into the centre padding (such batches are the only ones a pad mode changes).
/// </summary>
internal readonly record struct BatchInfo(int Index, int ValidLanes, bool Edge);
