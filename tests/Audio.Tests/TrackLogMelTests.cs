namespace MusicClustering.Audio.Tests;

public sealed class TrackLogMelTests
{
    [Fact]
    public void A_streamed_track_gives_the_log_mel_of_its_decoded_signal_with_128_bands()
    {
        var signal = Enumerable.Range(0, 22050 * 2).Select(i => (float)(0.3 * Math.Sin(i * 0.05) + (0.1 * Math.Sin(i * 0.31)))).ToArray();
        using var wav = new MemoryStream();
        WavWriter.WritePcm16(wav, signal, 22050);
        var bytes = wav.ToArray();

        var streamed = TrackLogMel.Compute(new MemoryStream(bytes), "tone.wav");
        var whole = new MfccExtractor(new MfccOptions()).ComputeLogMel(AudioLoader.LoadMono(bytes, "tone.wav"));

        Assert.Equal(128, TrackLogMel.Bands);
        Assert.Equal((whole.Bands, whole.Frames), (streamed.Bands, streamed.Frames));
        Assert.Equal(whole.Values, streamed.Values);
    }

    [Fact]
    public void A_track_shorter_than_one_frame_is_too_short()
    {
        using var wav = new MemoryStream();
        WavWriter.WritePcm16(wav, new float[1000], 22050);
        var error = Assert.Throws<AudioFormatException>(() => TrackLogMel.Compute(new MemoryStream(wav.ToArray()), "tiny.wav"));
        Assert.Equal(AudioFailureReasons.TooShort, error.Reason);
    }
}
