namespace MusicClustering.Audio;

/// <summary>SplitMix64: a tiny PRNG whose sequence is fixed forever (System.Random's may change between runtimes).</summary>
internal sealed class DeterministicRandom(ulong seed)
{
    private ulong _state = seed;

    public static ulong Mix(params long[] parts)
    {
        ulong h = 0x9E3779B97F4A7C15;
        foreach (var p in parts)
        {
            h = Scramble(h ^ (ulong)p);
        }

        return h;
    }

    public ulong NextUInt64()
    {
        _state += 0x9E3779B97F4A7C15;
        return Scramble(_state);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public double Uniform(double min, double max) => min + ((max - min) * NextDouble());

    public int Next(int maxExclusive) => (int)(NextDouble() * maxExclusive);

    /// <summary>Uniform in [-1, 1), for noise.</summary>
    public float NextNoise() => (float)((NextDouble() * 2) - 1);

    private static ulong Scramble(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
