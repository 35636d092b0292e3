using System.Collections.Concurrent;
using TorchSharp;

namespace MusicClustering.Learning;

/// <summary>
/// TorchSharp Scalars that outlive every native call they are passed to. An implicit double → Scalar conversion
/// (<c>0.5 * t</c>, <c>t.pow(2)</c>) makes a Scalar that nothing references once its handle is read, so the garbage
/// collector may finalize it, freeing the native value, while libtorch is still reading it: under load that surfaced
/// as "Expected false to be true … toDouble at Scalar.h:140" in training. The alpha-less <c>add</c>/<c>add_</c>
/// overloads, and so <c>a + b</c> on tensors, do the same inside TorchSharp (they call <c>add(x, 1)</c>): that failed
/// VAE training in <c>VaeLoss</c> at random ("toFloat at Scalar.h:140"), so write <c>a.add(b, Scalars.One)</c>.
/// src/BannedSymbols.TorchSharp.txt makes every such call a build error (RS0030). Constants come from here (rooted for
/// the process's life, never finalized); a value that changes per call is made with <c>using var s = x.ToScalar()</c>,
/// which keeps it alive until the call has returned.
/// </summary>
internal static class Scalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Cache = new();

    public static Scalar Half { get; } = Of(0.5);

    public static Scalar MinusHalf { get; } = Of(-0.5);

    public static Scalar One { get; } = Of(1.0);

    public static Scalar Two { get; } = Of(2.0);

    /// <summary>A rooted Scalar for a constant (a model or augmentation setting): one per distinct value, never freed.</summary>
    public static Scalar Of(double value) => Cache.GetOrAdd(value, v => v.ToScalar());
}
