namespace MusicClustering.Audio;

/// <summary>Renders one clip of a <see cref="GenreProfile"/> with per-track random variation.</summary>
internal sealed class TrackSynthesizer
{
    private const int TableSize = 4096;
    private const int MaxHarmonics = 16;
    private readonly GenreProfile _genre;
    private readonly DeterministicRandom _random;
    private readonly int _sampleRate;

    public TrackSynthesizer(GenreProfile genre, DeterministicRandom random, int sampleRate)
    {
        _genre = genre;
        _random = random;
        _sampleRate = sampleRate;
    }

    public float[] Render(double seconds)
    {
        var g = _genre;
        var length = (int)Math.Round(seconds * _sampleRate);

        // Per-track variation: tempo, key, brightness, timbre, drum balance and level.
        var bpm = g.Bpm * _random.Uniform(0.93, 1.07);
        var transpose = _random.Next(5) - 2;
        var cutoff = g.CutoffHz * _random.Uniform(0.75, 1.3);
        var rolloff = g.Rolloff + _random.Uniform(-0.2, 0.2);
        var drumLevel = g.DrumLevel * _random.Uniform(0.7, 1.3);
        var progressionStart = _random.Next(g.Progression.Length);
        var step = 60.0 / bpm / 4;

        var harmonic = new float[length];
        var table = Wavetable(rolloff, g.OddHarmonics);
        var bassTable = Wavetable(3.0, false);
        var stepsTotal = (int)Math.Ceiling(seconds / step) + 1;
        for (var s = 0; s < stepsTotal; s++)
        {
            var chord = s / 8; // the harmony moves every half bar
            var inBar = s % 16;
            var root = g.BaseMidi + transpose + g.Progression[(chord + progressionStart) % g.Progression.Length];
            var start = StepTime(s, step);
            if ((g.ChordPattern >> inBar & 1) != 0)
            {
                var duration = g.ChordSteps * step;
                foreach (var interval in g.ChordIntervals)
                {
                    for (var voice = 0; voice < g.Ensemble; voice++)
                    {
                        var detune = 1 + (0.004 * (voice - ((g.Ensemble - 1) / 2.0)));
                        AddNote(harmonic, table, Frequency(root + interval) * detune, start, duration, 0.25 / g.Ensemble, g.Attack, g.Decay, g.Vibrato);
                    }
                }
            }

            if (g.Bass && inBar % 4 == 0)
            {
                AddNote(harmonic, bassTable, Frequency(root - 12), start, 3 * step, 0.5, 0.005, 0.4);
            }
        }

        LowPass(harmonic, cutoff);
        if (g.Drive > 1)
        {
            var norm = Math.Tanh(g.Drive);
            for (var i = 0; i < length; i++)
            {
                harmonic[i] = (float)(Math.Tanh(g.Drive * harmonic[i]) / norm);
            }
        }

        Normalise(harmonic, 0.5f);
        AddDrums(harmonic, step, stepsTotal, drumLevel);
        for (var i = 0; i < length; i++)
        {
            harmonic[i] += (float)(g.Noise * _random.NextNoise());
        }

        Normalise(harmonic, (float)_random.Uniform(0.6, 0.9));
        return harmonic;
    }

    private double StepTime(int s, double step)
    {
        var swing = s % 4 == 2 ? _genre.Swing * step : 0; // delay the off-beat eighth
        return (s * step) + swing;
    }

    private static double Frequency(int midi) => 440.0 * Math.Pow(2, (midi - 69) / 12.0);

    private BandLimitedTable Wavetable(double rolloff, bool oddOnly)
    {
        var amplitudes = new double[MaxHarmonics + 1];
        for (var h = 1; h <= MaxHarmonics; h++)
        {
            amplitudes[h] = oddOnly && h % 2 == 0 ? 0 : Math.Pow(h, -rolloff) * (1 + (0.3 * _random.NextDouble()));
        }

        return new BandLimitedTable(amplitudes, _sampleRate);
    }

    private void AddNote(float[] output, BandLimitedTable tables, double frequency, double start, double duration, double gain, double attack, double decay, double vibrato = 0)
    {
        var vibratoPhase = _random.NextDouble() * 2 * Math.PI;
        var vibratoStep = 2 * Math.PI * 5.5 / _sampleRate;
        var table = tables.For(frequency);
        var first = (int)(start * _sampleRate);
        var release = 0.02;
        var last = Math.Min(output.Length, (int)((start + duration + release) * _sampleRate));
        var increment = frequency * TableSize / _sampleRate;
        var phase = _random.NextDouble() * TableSize;
        var decayFactor = Math.Exp(-1.0 / (decay * _sampleRate));
        var level = 1.0;
        var noteEnd = (start + duration) * _sampleRate;
        for (var i = Math.Max(first, 0); i < last; i++)
        {
            var t = (i - first) / (double)_sampleRate;
            var envelope = (t < attack ? t / attack : 1.0) * level;
            if (i > noteEnd)
            {
                envelope *= Math.Max(0, 1 - ((i - noteEnd) / (release * _sampleRate)));
            }

            var index = (int)phase;
            var frac = phase - index;
            var value = table[index] + (frac * (table[index + 1] - table[index]));
            output[i] += (float)(gain * envelope * value);
            phase += vibrato == 0 ? increment : increment * (1 + (vibrato * Math.Sin(vibratoPhase + (vibratoStep * (i - first)))));
            if (phase >= TableSize)
            {
                phase -= TableSize;
            }

            level *= decayFactor;
        }
    }

    private void AddDrums(float[] output, double step, int steps, double level)
    {
        var g = _genre;
        var kick = Kick();
        var snare = Snare();
        var hat = Hat(g.HatDecay);
        for (var s = 0; s < steps; s++)
        {
            var bit = 1 << (s % 16);
            var at = (int)(StepTime(s, step) * _sampleRate);
            var accent = _random.Uniform(0.8, 1.0) * level;
            if ((g.Kick & bit) != 0)
            {
                Mix(output, kick, at, accent);
            }

            if ((g.Snare & bit) != 0)
            {
                Mix(output, snare, at, 0.7 * accent);
            }

            if ((g.Hat & bit) != 0)
            {
                Mix(output, hat, at, 0.35 * accent);
            }
        }
    }

    private static void Mix(float[] output, float[] hit, int at, double gain)
    {
        var n = Math.Min(hit.Length, output.Length - at);
        for (var i = 0; i < n; i++)
        {
            output[at + i] += (float)(gain * hit[i]);
        }
    }

    private float[] Kick()
    {
        var n = (int)(0.3 * _sampleRate);
        var hit = new float[n];
        double phase = 0;
        for (var i = 0; i < n; i++)
        {
            var t = i / (double)_sampleRate;
            var f = 45 + (90 * Math.Exp(-t * 30));
            phase += 2 * Math.PI * f / _sampleRate;
            hit[i] = (float)(Math.Sin(phase) * Math.Exp(-t * 12));
        }

        return hit;
    }

    private float[] Snare()
    {
        var n = (int)(0.2 * _sampleRate);
        var hit = new float[n];
        for (var i = 0; i < n; i++)
        {
            var t = i / (double)_sampleRate;
            var tone = 0.4 * Math.Sin(2 * Math.PI * 185 * t);
            hit[i] = (float)(((0.8 * _random.NextNoise()) + tone) * Math.Exp(-t * 25));
        }

        return hit;
    }

    private float[] Hat(double decay)
    {
        var n = (int)((decay * 5 + 0.01) * _sampleRate);
        var hit = new float[n];
        float previous = 0;
        for (var i = 0; i < n; i++)
        {
            var t = i / (double)_sampleRate;
            var noise = _random.NextNoise();
            hit[i] = (float)((noise - previous) * 0.5 * Math.Exp(-t / decay)); // first difference = high-pass
            previous = noise;
        }

        return hit;
    }

    private void LowPass(float[] signal, double cutoff)
    {
        var a = Math.Exp(-2 * Math.PI * Math.Min(cutoff, 0.45 * _sampleRate) / _sampleRate);
        double y = 0;
        for (var i = 0; i < signal.Length; i++)
        {
            y = ((1 - a) * signal[i]) + (a * y);
            signal[i] = (float)y;
        }
    }

    private static void Normalise(float[] signal, float peak)
    {
        float max = 0;
        foreach (var v in signal)
        {
            max = Math.Max(max, Math.Abs(v));
        }

        if (max > 0)
        {
            var scale = peak / max;
            for (var i = 0; i < signal.Length; i++)
            {
                signal[i] *= scale;
            }
        }
    }

    /// <summary>One wavetable per harmonic count, so no note has partials above 0.45 × sample rate (no aliasing).</summary>
    private sealed class BandLimitedTable(double[] amplitudes, int sampleRate)
    {
        private readonly float[]?[] _tables = new float[]?[amplitudes.Length];

        public float[] For(double frequency)
        {
            var harmonics = Math.Clamp((int)(0.45 * sampleRate / frequency), 1, amplitudes.Length - 1);
            return _tables[harmonics] ??= Build(harmonics);
        }

        private float[] Build(int harmonics)
        {
            var table = new float[TableSize + 1];
            for (var h = 1; h <= harmonics; h++)
            {
                if (amplitudes[h] == 0)
                {
                    continue;
                }

                for (var i = 0; i < TableSize; i++)
                {
                    table[i] += (float)(amplitudes[h] * Math.Sin(2 * Math.PI * h * i / TableSize));
                }
            }

            table[TableSize] = table[0];
            return table;
        }
    }
}
