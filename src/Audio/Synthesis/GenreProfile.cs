namespace MusicClustering.Audio;

/// <summary>
/// The musical recipe of one synthetic genre. Patterns are 16-step bars (bit i = sixteenth i); the chord
/// progression advances every half bar.
/// Timbre: harmonic amplitudes fall as h^-<see cref="Rolloff"/>, then a one-pole low-pass at <see cref="CutoffHz"/>
/// and tanh drive; <see cref="Swing"/> delays off-beat eighths; <see cref="Vibrato"/> (relative depth at 5.5 Hz) and
/// <see cref="Ensemble"/> (detuned voices per note) smear sustained harmonics like a string section.
/// </summary>
internal sealed record GenreProfile(
    string Name,
    double Bpm,
    int Kick,
    int Snare,
    int Hat,
    double HatDecay,
    double Swing,
    double Rolloff,
    bool OddHarmonics,
    double Drive,
    double CutoffHz,
    int BaseMidi,
    int[] Progression,
    int[] ChordIntervals,
    int ChordPattern,
    int ChordSteps,
    double Attack,
    double Decay,
    bool Bass,
    double DrumLevel,
    double Noise,
    string[] Vocabulary,
    double Vibrato = 0,
    int Ensemble = 1)
{
    private const int Beats = 0x1111;   // quarter notes
    private const int Eighths = 0x5555;
    private const int Sixteenths = 0xFFFF;
    private const int Backbeat = 0x1010; // beats 2 and 4
    private const int OneAndThree = 0x0101;

    public static IReadOnlyList<GenreProfile> All { get; } =
    [
        new("blues", 80, OneAndThree, Backbeat, Eighths, 0.05, 0.33, 1.2, false, 1.5, 3000, 45, [0, 5, 0, 7], [0, 4, 7, 10], 0x0101, 8, 0.005, 0.6, true, 0.6, 0.004,
            ["blue", "train", "whiskey", "crossroad", "mojo", "lonesome", "river", "cry", "woman", "trouble", "rain", "moan"]),
        new("classical", 70, 0, 0, 0, 0, 0, 1.6, false, 1, 1500, 55, [0, 9, 5, 7], [0, 4, 7, 12], 0x0101, 8, 0.2, 2.5, false, 0, 0.008,
            ["sonata", "allegro", "angel", "glory", "heaven", "aria", "grace", "eternal", "choir", "majesty", "serene", "hymn"], Vibrato: 0.006, Ensemble: 3),
        new("country", 110, OneAndThree, Backbeat, Eighths, 0.03, 0, 0.9, false, 1, 5000, 52, [0, 5, 7, 0], [0, 4, 7], 0x5555, 2, 0.002, 0.3, true, 0.5, 0.002,
            ["truck", "dirt", "road", "boots", "whiskey", "porch", "cowboy", "hometown", "rodeo", "pickup", "barn", "sunday"]),
        new("disco", 120, Beats, Backbeat, 0x4444, 0.15, 0, 0.8, true, 1, 6000, 48, [0, 3, 5, 3], [0, 3, 7, 10], 0x2222, 1, 0.002, 0.12, true, 0.7, 0.002,
            ["dance", "floor", "boogie", "night", "fever", "glitter", "groove", "funky", "lights", "move", "shake", "party"]),
        new("hiphop", 90, 0x0921, Backbeat, Sixteenths, 0.02, 0.1, 2.5, false, 1, 1200, 40, [0, 0, 3, 5], [0, 3, 7], 0x0001, 8, 0.01, 1.2, true, 1.0, 0.002,
            ["street", "hustle", "money", "flow", "rhyme", "block", "crew", "mic", "beat", "hood", "real", "grind"]),
        new("jazz", 130, 0x0081, 0x1000, 0x1515, 0.25, 0.33, 1.8, false, 1, 2500, 50, [2, 7, 0, 9], [0, 4, 7, 11, 14], 0x0101, 6, 0.01, 0.8, true, 0.35, 0.002,
            ["swing", "bebop", "saxophone", "midnight", "club", "velvet", "smoke", "cool", "blue", "martini", "melody", "improvise"], Vibrato: 0.002),
        new("metal", 160, Sixteenths, Backbeat, Beats, 0.3, 0, 0.7, false, 8, 7000, 40, [0, 1, 5, 3], [0, 7, 12], Sixteenths, 1, 0.001, 0.08, false, 0.8, 0.01,
            ["darkness", "fire", "blood", "steel", "thunder", "doom", "rage", "chaos", "iron", "demon", "burn", "scream"]),
        new("pop", 115, OneAndThree, Backbeat, Eighths, 0.04, 0, 1.1, true, 1, 4500, 57, [0, 7, 9, 5], [0, 4, 7], 0x1111, 3, 0.005, 0.5, true, 0.6, 0.0015,
            ["baby", "love", "heart", "tonight", "forever", "dream", "kiss", "crazy", "summer", "feel", "shine", "star"]),
        new("reggae", 75, 0x0100, 0x0100, Eighths, 0.03, 0.15, 1.3, false, 1, 3500, 50, [0, 5, 7, 5], [0, 4, 7], 0x4444, 1, 0.002, 0.1, true, 0.6, 0.001,
            ["jah", "zion", "babylon", "rasta", "roots", "irie", "unity", "island", "rebel", "sound", "natty", "peace"]),
        new("rock", 125, 0x0181, Backbeat, Eighths, 0.06, 0, 0.9, false, 3, 5000, 45, [0, 5, 7, 5], [0, 7, 12], Eighths, 2, 0.002, 0.25, true, 0.7, 0.003,
            ["guitar", "highway", "rebel", "wild", "loud", "road", "fire", "rock", "roll", "stone", "freedom", "night"]),
    ];

    public static readonly string[] SharedWords = ["time", "life", "world", "home", "day", "feel", "know", "way", "light", "soul"];
}
