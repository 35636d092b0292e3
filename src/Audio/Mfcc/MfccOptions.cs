using System.Globalization;

namespace MusicClustering.Audio;

/// <summary>
/// Parameters of <c>librosa.feature.mfcc</c> (0.11 defaults). Window is a periodic Hann of length NFft, mel scale
/// and filter normalisation are Slaney's, the DCT is type II with orthonormal scaling.
/// </summary>
public sealed record MfccOptions
{
    public int SampleRate { get; init; } = 22050;

    public int NMfcc { get; init; } = 20;

    public int NFft { get; init; } = 2048;

    public int HopLength { get; init; } = 512;

    public int NMels { get; init; } = 128;

    public double FMin { get; init; }

    /// <summary>Upper mel edge in Hz; null means SampleRate / 2.</summary>
    public double? FMax { get; init; }

    public bool Center { get; init; } = true;

    public PadMode PadMode { get; init; } = PadMode.Constant;

    /// <summary>Exponent of the magnitude spectrogram (2 = power).</summary>
    public double Power { get; init; } = 2.0;

    public double Amin { get; init; } = 1e-10;

    public double RefPower { get; init; } = 1.0;

    /// <summary>Dynamic range kept below the maximum of the whole log-mel matrix; null disables clipping.</summary>
    public double? TopDb { get; init; } = 80.0;

    /// <summary>The GTZAN features_30_sec.csv settings: librosa defaults with reflect padding.</summary>
    public static MfccOptions Gtzan { get; } = new() { PadMode = PadMode.Reflect };

    public double EffectiveFMax => FMax ?? SampleRate / 2.0;

    /// <summary>Stable text listing every value, used for cache keys.</summary>
    public string ToCanonicalString() => string.Create(
        CultureInfo.InvariantCulture,
        $"sr={SampleRate};n_mfcc={NMfcc};n_fft={NFft};hop={HopLength};n_mels={NMels};fmin={FMin:R};fmax={EffectiveFMax:R};center={Center};pad={PadMode};power={Power:R};amin={Amin:R};ref={RefPower:R};top_db={(TopDb is { } t ? t.ToString("R", CultureInfo.InvariantCulture) : "none")};window=hann;mel=slaney;dct=2ortho");

    /// <summary>Throws <see cref="ArgumentException"/> when a value is out of range.</summary>
    public void Validate()
    {
        if (SampleRate <= 0 || NMfcc <= 0 || NFft < 4 || NFft % 2 != 0 || HopLength <= 0 || NMels <= 0 || NMfcc > NMels)
        {
            throw new ArgumentException($"Invalid MFCC options: {ToCanonicalString()} (n_fft must be even ≥ 4, n_mfcc ≤ n_mels, all sizes positive).");
        }

        if (FMin < 0 || EffectiveFMax <= FMin || EffectiveFMax > SampleRate / 2.0 + 1e-9 || Power <= 0 || Amin <= 0 || RefPower <= 0 || TopDb is < 0)
        {
            throw new ArgumentException($"Invalid MFCC options: {ToCanonicalString()} (need 0 ≤ fmin < fmax ≤ sr/2, positive power/amin/ref, top_db ≥ 0).");
        }
    }
}
